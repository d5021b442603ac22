using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class PrivateAndDrillCommandTests
{
    [Theory]
    [InlineData("report Customer data exposed private sev1")]
    [InlineData("report private Customer data exposed sev1")]
    [InlineData("report Customer data PRIVATE exposed sev1")]
    public void Report_WithThePrivateWordAnywhere_IsPrivateAndTheWordLeavesTheTitle(string text) =>
        Incident(text).Should().Be(new ReportCommand("Customer data exposed", "sev1", null, Private: true));

    [Fact]
    public void Report_PrivateBeforeImpact_KeepsTheImpact() =>
        Incident("report Keys leaked private impact: private repos readable").Should()
            .Be(new ReportCommand("Keys leaked", null, "private repos readable", Private: true));

    [Fact]
    public void Report_PrivateAlone_OpensTheFormAsAPrivateReport() =>
        Incident("report private").Should().Be(new ReportCommand(null, null, null, Private: true));

    [Fact]
    public void Drill_WithTitleAndSeverity_IsADrillReport() =>
        Incident("drill Primary database failover sev2").Should().Be(new ReportCommand("Primary database failover", "sev2", null, Drill: true));

    [Fact]
    public void Drill_Bare_AnswersWithItsUsage() =>
        IncidentError("drill").Should().Be("Usage: /incident drill <title> [sevN]");

    [Fact]
    public void Drill_TwoSeverities_SaysSo() =>
        IncidentError("drill Failover sev1 sev2").Should().Be("Give one severity, not both sev1 and sev2.");

    [Theory]
    [InlineData("private INC-7", 7, true)]
    [InlineData("public 7", 7, false)]
    [InlineData("private", null, true)]
    public void PrivateAndPublic_TakeAnOptionalId(string text, int? id, bool isPrivate) =>
        Incident(text).Should().Be(new VisibilityCommand(id, isPrivate));

    [Fact]
    public void Private_WithMoreWords_AnswersWithItsUsage() =>
        IncidentError("private INC-7 now").Should().Be("Usage: /incident private [INC-n]");

    [Fact]
    public void ListDrills_IsTheDrillsFilter() =>
        Incident("list drills").Should().Be(new ListCommand(ListFilter.Drills, null));

    [Fact]
    public void ListDrillsWithASeverity_AnswersWithTheUsage() =>
        IncidentError("list drills sev2").Should().Be("Usage: /incident list [open|mine|closed|drills] [sevN]");
}
