using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

/// <summary>Runs the loader on text expected to be invalid and hands back what it reported.</summary>
internal static class PlanAssertions
{
    public const string FileName = "plan.yaml";

    public static IReadOnlyList<PlanError> ErrorsOf(string yaml)
    {
        var act = () => PlanLoader.Parse(yaml, FileName);

        return act.Should().Throw<PlanValidationException>().Which.Errors;
    }

    public static IReadOnlyList<PlanError> ErrorsOf(PlanYaml yaml) => ErrorsOf(yaml.Text);

    /// <summary>The one error the test provoked, checked for its line and the words it must contain.</summary>
    public static PlanError SingleError(PlanYaml yaml, int line, params string[] words)
    {
        var error = ErrorsOf(yaml).Should().ContainSingle().Which;
        error.Line.Should().Be(line);
        error.File.Should().Be(FileName);
        foreach (var word in words)
            error.Message.Should().Contain(word);
        return error;
    }
}
