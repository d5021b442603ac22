using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class HelpTextTests
{
    [Theory]
    [InlineData("/incident report")]
    [InlineData("/incident ack")]
    [InlineData("/incident update")]
    [InlineData("/incident sev")]
    [InlineData("/incident assign")]
    [InlineData("/incident mitigate")]
    [InlineData("/incident resolve")]
    [InlineData("/incident close")]
    [InlineData("/incident rca [INC-n]")]
    [InlineData("/incident rca waive")]
    [InlineData("/incident cancel")]
    [InlineData("/incident reopen")]
    [InlineData("/incident show")]
    [InlineData("/incident timeline")]
    [InlineData("/incident postmortem")]
    [InlineData("/incident list")]
    [InlineData("/incident summary")]
    [InlineData("/oncall [rotation]")]
    [InlineData("/oncall override <rotation> <@person> <duration|until YYYY-MM-DD HH:mm>")]
    [InlineData("/oncall overrides")]
    [InlineData("/oncall cancel <override id>")]
    [InlineData("/incident help")]
    [InlineData("/escalate")]
    [InlineData("/incident link")]
    [InlineData("/ticket show")]
    [InlineData("/ticket escalate")]
    [InlineData("/ticket incident")]
    public void All_ListsEveryCommand(string command) =>
        HelpText.All.Split('\n').Should().ContainSingle(l => l.StartsWith($"`{command} ") || l.StartsWith($"`{command}`"));

    [Theory]
    [InlineData("ack")]
    [InlineData("Acknowledge")]
    [InlineData("/incident ack")]
    public void For_AnyNameOfAck_GivesItsUsage(string topic) =>
        HelpText.For(topic).Should().StartWith("Usage: /incident ack [INC-n]");

    [Fact]
    public void For_Postmortem_GivesItsUsage() =>
        HelpText.For("post-mortem").Should().Be(
            "Usage: /incident postmortem [INC-n] — a link to the post-mortem in Markdown: summary, times against the SLA, timeline, RCA, actions, linked tickets; the link works for a limited time (7 days unless configured)\n"
            + "INC-n may be written INC-7, #7 or 7, and left out in the incident's own channel or thread. "
            + "A number right after the command is always the id: `/incident resolve 7 fixed` resolves INC-7.");

    [Fact]
    public void For_Update_ExplainsDurations() => HelpText.For("update").Should().Contain("30s, 15m, 4h, 2d");

    [Fact]
    public void For_Ticket_GivesAllTicketCommands() =>
        HelpText.For("ticket").Split('\n').Should().HaveCount(3).And.OnlyContain(l => l.StartsWith("Usage: /ticket"));

    [Fact]
    public void For_UnknownTopic_GivesEverything() => HelpText.For("bananas").Should().Be(HelpText.All);

    [Theory]
    [InlineData("help", null)]
    [InlineData("help update", "update")]
    [InlineData("help ACKNOWLEDGE", "ack")]
    [InlineData("help ticket promote", "ticket incident")]
    [InlineData("help bananas", "bananas")]
    public void Help_Topic_IsCanonical(string text, string? topic) =>
        Incident(text).Should().Be(new HelpCommand(topic));
}
