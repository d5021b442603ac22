using System.Net;
using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>The post-mortem link: asked for in chat, opened like a browser would.</summary>
public abstract partial class ParityScenarios
{
    [Fact]
    public async Task Postmortem_AnswersWithASignedLinkThatServesTheDocument()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");
        await Chat.PressAsync(Ana, ActionIds.Acknowledge, Inc1);

        var turn = await Chat.SayAsync(Ana, "/incident postmortem INC-1");

        var link = Regex.Match(turn.Reply, @"https?://\S+").Value;
        link.Should().MatchRegex(@"^http://localhost:5080/incidents/INC-1/postmortem\.md\?exp=1741672800&sig=[0-9a-f]{64}$");
        turn.Reply.Should().Be($"Post-mortem of INC-1 · Checkout down (Markdown): {link}\n"
            + "The link works until Tue 11 Mar 2025 11:30 (Asia/Kolkata) for anyone who has it; share it only with people who may read it.");
        var (status, body) = await Chat.OpenAsync(link);
        status.Should().Be(HttpStatusCode.OK);
        body.Split('\n')[0].Should().Be("# Post-mortem of INC-1: Checkout down");
    }

    [Fact]
    public async Task Postmortem_InTheIncidentConversation_NeedsNoIncidentId()
    {
        await Chat.SayAsync(Eve, "/incident report Checkout down sev1");

        var turn = await Chat.SayAsync(Ana, "/incident postmortem", Place.IncidentOf(Inc1));

        turn.Reply.Split('\n')[0].Should().StartWith("Post-mortem of INC-1 · Checkout down (Markdown): http://localhost:5080/incidents/INC-1/postmortem.md?exp=");
    }

    [Fact]
    public async Task Postmortem_OfAnIncidentThatDoesNotExist_SaysThereIsNone()
    {
        var turn = await Chat.SayAsync(Ana, "/incident postmortem INC-9");

        turn.Reply.Should().Be("There is no INC-9. /incident list shows the open incidents.");
    }
}
