using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class RcaWaiveCommandTests
{
    [Fact]
    public void RcaWaive_WithIdAndReason_IsAWaiver() =>
        Incident("rca waive INC-4 vendor outage, nothing to learn").Should().Be(new RcaWaiveCommand(4, "vendor outage, nothing to learn"));

    [Fact]
    public void RcaWaive_WithoutId_LeavesItToTheConversation() =>
        Incident("rca waive vendor outage").Should().Be(new RcaWaiveCommand(null, "vendor outage"));

    [Fact]
    public void RcaWaive_AfterTheId_IsAWaiverToo() =>
        Incident("rca 4 waive vendor outage").Should().Be(new RcaWaiveCommand(4, "vendor outage"));

    [Theory]
    [InlineData("rca waive")]
    [InlineData("rca waive INC-4")]
    [InlineData("rca 4 waive")]
    public void RcaWaive_WithoutAReason_IsItsUsageLine(string text) =>
        IncidentError(text).Should().Be("Usage: /incident rca waive [INC-n] <reason>");

    [Theory]
    [InlineData("rca waived the wrong config", null, "waived the wrong config")]
    [InlineData("rca 4 cache stampede after deploy", 4, "cache stampede after deploy")]
    [InlineData("rca INC-4 Waivers table locked", 4, "Waivers table locked")]
    public void Rca_WhoseRootCauseStartsWithAnotherWord_IsStillAnRca(string text, int? id, string rootCause) =>
        Incident(text).Should().Be(new RcaCommand(id, rootCause, null));
}
