using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

public sealed class TurnReplyTests
{
    private static readonly IncidentView Checkout = IncidentViews.Reported() with { State = IncidentState.Acknowledged, Version = 2 };

    [Fact]
    public void AnswerAboutAnIncident_ShowsTheIncidentsCard()
    {
        var reply = TurnReply.About("INC-1 acknowledged.", Checkout, confirmsChange: true);

        reply.HasCard.Should().BeTrue();
        reply.ConfirmsChange.Should().BeTrue();
        reply.Card.Should().BeNull();
        reply.CardToShow.Should().BeEquivalentTo(IncidentCard.Render(Checkout));
    }

    [Fact]
    public void CopyWithAForm_KeepsTheIncident()
    {
        var reply = TurnReply.About("INC-1 resolved.", Checkout, confirmsChange: true);

        var copy = reply with { Form = new FormRequest(FormKind.Rca, 1) };

        copy.HasCard.Should().BeTrue();
        copy.CardToShow!.Title.Should().Be("INC-1 · Checkout is down");
        copy.Form!.IncidentNumber.Should().Be(1);
    }

    [Fact]
    public void GivenCard_IsShownAsItIs()
    {
        var card = new Card("Ticket #42 · Checkout fails", null, [], []);

        var reply = new TurnReply("Ticket #42 escalated.", card);

        reply.HasCard.Should().BeTrue();
        reply.CardToShow.Should().BeSameAs(card);
    }

    [Fact]
    public void PlainReply_HasNoCard()
    {
        var reply = TurnReply.Say("help text");

        reply.HasCard.Should().BeFalse();
        reply.CardToShow.Should().BeNull();
        reply.ConfirmsChange.Should().BeFalse();
    }
}
