using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Workflow.Incidents;
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
        Incident("update #7 rolling back eta 2h").Should().Be(new UpdateCommand(7, "rolling back", null, EtaPromise.In(TimeSpan.FromHours(2))));

    [Theory]
    [InlineData("update rolling back next 15m eta 4h")]
    [InlineData("update rolling back eta 4h next 15m")]
    [InlineData("update rolling back NEXT 15m ETA: 4h")]
    public void Update_BothClauses_InEitherOrder(string text) =>
        Incident(text).Should().Be(new UpdateCommand(null, "rolling back", TimeSpan.FromMinutes(15), EtaPromise.In(TimeSpan.FromHours(4))));

    [Fact]
    public void Update_NextInsideTheSentence_StaysText() =>
        Incident("update next we restart the pods").Should().Be(new UpdateCommand(null, "next we restart the pods", null, null));

    [Fact]
    public void Update_DaysAndSeconds_AreDurations() =>
        Incident("update waiting on vendor next 2d eta 30s")
            .Should().Be(new UpdateCommand(null, "waiting on vendor", TimeSpan.FromDays(2), EtaPromise.In(TimeSpan.FromSeconds(30))));

    private const string Forms =
        "is not a time I can read; write a number and a unit (next 45m, next 45 minutes, next 1h, next 2 hours, eta 2h) or, after eta, a time of day (eta 17:30).";

    [Theory]
    [InlineData("update rolling back next soon", "'soon' after 'next' " + Forms)]
    [InlineData("update rolling back next 45", "'45' after 'next' " + Forms)]
    [InlineData("update rolling back eta tomorrow", "'tomorrow' after 'eta' " + Forms)]
    [InlineData("update rolling back eta 5x", "'5x' after 'eta' " + Forms)]
    [InlineData("update rolling back next 17:30", "'17:30' after 'next' " + Forms)]
    [InlineData("update eta 25:00", "'25:00' after 'eta' " + Forms)]
    public void Update_UnreadableClause_ListsTheAcceptedForms(string line, string error) =>
        IncidentError(line).Should().Be(error);

    [Theory]
    [InlineData("update rolling back next 1h", 60)]
    [InlineData("update rolling back next 1 hour", 60)]
    [InlineData("update rolling back next 2 hours", 120)]
    [InlineData("update rolling back next 45m", 45)]
    [InlineData("update rolling back next 45 min", 45)]
    [InlineData("update rolling back next 45 minutes", 45)]
    [InlineData("update rolling back next 45mins", 45)]
    public void Update_NaturalNextForms_AreThePromise(string line, int minutes) =>
        Incident(line).Should().Be(new UpdateCommand(null, "rolling back", TimeSpan.FromMinutes(minutes), null));

    [Fact]
    public void Update_OnlyAnEta_IsAnUpdateWithoutText() =>
        Incident("update eta 2h").Should().Be(new UpdateCommand(null, null, null, EtaPromise.In(TimeSpan.FromHours(2))));

    [Fact]
    public void Update_EtaAsTimeOfDay_IsAClockTime() =>
        Incident("update INC-4 eta 17:30").Should().Be(new UpdateCommand(4, null, null, EtaPromise.ClockTime(new TimeOnly(17, 30))));

    [Fact]
    public void Update_EtaInWords_IsADuration() =>
        Incident("update failing over eta 2 hours next 30 minutes")
            .Should().Be(new UpdateCommand(null, "failing over", TimeSpan.FromMinutes(30), EtaPromise.In(TimeSpan.FromHours(2))));

    [Fact]
    public void Update_OnlyAPromise_IsAnUpdateWithoutText() =>
        Incident("update 7 next 30m").Should().Be(new UpdateCommand(7, null, TimeSpan.FromMinutes(30), null));

    [Fact]
    public void Update_NumberAndWordThatIsNoUnit_StaysText() =>
        Incident("update will check next 2 things").Should().Be(new UpdateCommand(null, "will check next 2 things", null, null));

    [Fact]
    public void Update_NothingButTheId_IsTheUsageLine() =>
        IncidentError("update 7").Should().Be("Usage: /incident update [INC-n] <text> [next <duration>] [eta <duration|HH:mm>]");

    [Fact]
    public void Update_MultiLineText_KeepsLineBreaks() =>
        Incident("update 7 step one\nstep two next 1h").Should().Be(new UpdateCommand(7, "step one\nstep two", TimeSpan.FromHours(1), null));

    [Fact]
    public void Update_SlackEscapes_AreDecoded() =>
        Incident("update p99 &gt; 2s &amp; rising").Should().Be(new UpdateCommand(null, "p99 > 2s & rising", null, null));
}
