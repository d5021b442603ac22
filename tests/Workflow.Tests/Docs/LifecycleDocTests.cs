using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Workflow.Tests.Docs;

/// <summary>docs/incident-lifecycle.md carries the diagram generated from the state machine; it must not go stale.</summary>
public sealed class LifecycleDocTests
{
    private const string UpdateVariable = "INCIDENTBOT_UPDATE_DOCS";

    [Fact]
    public void LifecycleDoc_MatchesTheStateMachine()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "incident-lifecycle.md");
        var expected = LifecycleDocument.Render(Incident.LifecycleDiagram());
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            File.WriteAllText(path, expected);

        var actual = File.Exists(path) ? File.ReadAllText(path) : "";

        actual.ReplaceLineEndings("\n").Should().Be(expected,
            $"docs/incident-lifecycle.md is generated from the machine; regenerate it with {UpdateVariable}=1 dotnet test --filter LifecycleDoc");
    }

    [Fact]
    public void LifecycleDiagram_NamesEveryStateAndGuard()
    {
        var diagram = Incident.LifecycleDiagram();

        foreach (var state in new[] { "Reported", "Acknowledged", "Mitigated", "Resolved", "RcaPending", "Closed", "Cancelled", "Open" })
            diagram.Should().Contain(state);
        diagram.Should().Contain("who may respond").And.Contain("RCA required and missing").And.Contain("who is a manager");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Jivrus.IncidentBot.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above the test binaries.");
    }
}
