using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Tests.Plan.PlanAssertions;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

/// <summary>Problems with the file itself rather than the plan in it: missing, empty, not YAML.</summary>
public sealed class PlanFileTests
{
    [Fact]
    public void LoadFile_WhenFileIsMissing_ReportsFileNotFoundOnLineZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-plan-{Guid.NewGuid():N}.yaml");

        var act = () => PlanLoader.LoadFile(path);

        var error = act.Should().Throw<PlanValidationException>().Which.Errors.Should().ContainSingle().Which;
        error.Should().Be(new PlanError(path, 0, "file not found"));
    }

    [Fact]
    public void Parse_WhenYamlIsMalformed_ReportsSyntaxErrorLine()
    {
        const string yaml = "timeZone: Asia/Kolkata\nseverities:\n  - id: sev1\n    name: [Critical\n";

        var errors = ErrorsOf(yaml);

        errors.Should().ContainSingle().Which.Message.Should().StartWith("not valid YAML");
        errors[0].Line.Should().Be(5, "the parser notices the unclosed list where the file ends");
    }

    [Fact]
    public void Parse_WhenFlowListIsUnclosedBeforeNextKey_ReportsSyntaxErrorLine()
    {
        const string yaml = "timeZone: Asia/Kolkata\nescalation:\n  levels: [a, b\nseverities: []\n";

        var errors = ErrorsOf(yaml);

        errors.Should().ContainSingle().Which.Should().Be(
            new PlanError(FileName, 3, "not valid YAML near this line; look for an unclosed [ ], { } or quote"));
    }

    [Fact]
    public void Parse_WhenIndentedWithTab_ReportsTabLine()
    {
        const string yaml = "timeZone: Asia/Kolkata\nescalation:\n  repeatAtTop: 2\n\tlevels: []\n";

        var errors = ErrorsOf(yaml);

        errors.Should().ContainSingle().Which.Line.Should().Be(4);
    }

    [Fact]
    public void Parse_WhenKeyIsRepeated_ReportsSyntaxErrorOnSecondKey()
    {
        const string yaml = "timeZone: Asia/Kolkata\npeople: []\ntimeZone: UTC\n";

        var errors = ErrorsOf(yaml);

        errors.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public void Parse_WhenFileIsEmpty_ReportsIt()
    {
        var errors = ErrorsOf("# nothing here\n");

        errors.Should().ContainSingle().Which.Message.Should().Contain("empty");
    }

    [Fact]
    public void Parse_WhenRootIsAList_ReportsIt()
    {
        var errors = ErrorsOf("- sev1\n- sev2\n");

        errors.Should().ContainSingle().Which.Should().Be(new PlanError(FileName, 1, "the plan must be a mapping of keys and values"));
    }

    [Fact]
    public void Parse_WithTwoDocuments_ReportsTheSecond()
    {
        var yaml = new PlanYaml().Text + "---\ntimeZone: UTC\n";

        var errors = ErrorsOf(yaml);

        errors.Should().ContainSingle().Which.Message.Should().Be("the plan must be a single YAML document");
    }
}
