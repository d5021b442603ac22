using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class UpdateCommandTests
{
    [Fact]
    public void Update_TextOnly_HasNoClauses() =>
        Incident("update rolling back the deploy").Should().Be(new UpdateCommand(null, "rolling back the deploy", null, null));

    [Fact]
    public void Update_WithId_TakesTheId() =>
        Incident("update INC-7 rolling back").Should().Be(new UpdateCommand(7, "rolling back", null, null));

    [Fact]
    public void Update_LeadingBareNumber_IsTheId() =>
        Incident("update 3 servers still down").Should().Be(new UpdateCommand(3, "servers still down", null, null));

    [Fact]
    public void Update_NextClause_IsRemovedFromTheText() =>
        Incident("update rolling back next 30m").Should().Be(new UpdateCommand(null, "rolling back", TimeSpan.FromMinutes(30), null));

    [Fact]
    public void Update_EtaClause_IsRemovedFromTheText() =>
        Incident("update #7 rolling back eta 2h").Should().Be(new UpdateCommand(7, "rolling back", null, TimeSpan.FromHours(2)));

    [Theory]
    [InlineData("update rolling back next 15m eta 4h")]
    [InlineData("update rolling back eta 4h next 15m")]
    [InlineData("update rolling back NEXT 15m ETA: 4h")]
    public void Update_BothClauses_InEitherOrder(string text) =>
        Incident(text).Should().Be(new UpdateCommand(null, "rolling back", TimeSpan.FromMinutes(15), TimeSpan.FromHours(4)));

    [Fact]
    public void Update_NextInsideTheSentence_StaysText() =>
        Incident("update next we restart the pods").Should().Be(new UpdateCommand(null, "next we restart the pods", null, null));

    [Fact]
    public void Update_DaysAndSeconds_AreDurations() =>
        Incident("update waiting on vendor next 2d eta 30s")
            .Should().Be(new UpdateCommand(null, "waiting on vendor", TimeSpan.FromDays(2), TimeSpan.FromSeconds(30)));

    [Fact]
    public void Update_InvalidDurationAfterNext_ExplainsDurations() =>
        IncidentError("update rolling back next soon")
            .Should().Be("'soon' after 'next' is not a duration; write a number and a unit, e.g. 30s, 15m, 4h or 2d.");

    [Fact]
    public void Update_InvalidDurationAfterEta_ExplainsDurations() =>
        IncidentError("update rolling back eta 5x").Should().Contain("not a duration").And.Contain("15m");

    [Fact]
    public void Update_OnlyClauses_IsTheUsageLine() =>
        IncidentError("update 7 next 30m").Should().Be("Usage: /incident update [INC-n] <text> [next <duration>] [eta <duration>]");

    [Fact]
    public void Update_MultiLineText_KeepsLineBreaks() =>
        Incident("update 7 step one\nstep two next 1h").Should().Be(new UpdateCommand(7, "step one\nstep two", TimeSpan.FromHours(1), null));

    [Fact]
    public void Update_SlackEscapes_AreDecoded() =>
        Incident("update p99 &gt; 2s &amp; rising").Should().Be(new UpdateCommand(null, "p99 > 2s & rising", null, null));
}
