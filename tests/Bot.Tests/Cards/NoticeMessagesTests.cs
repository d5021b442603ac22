using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Cards;

public class NoticeMessagesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 0, 0, TimeSpan.Zero);

    private static readonly IncidentView Acknowledged = IncidentViews.Reported(7) with { State = IncidentState.Acknowledged, OwnerName = "Chen" };

    [Fact]
    public void UpdateNudge_IsTheSentenceWithPostUpdateAndThreeSnoozes()
    {
        var notice = Outbox(NoticeKind.UpdateNudge, "An update on INC-7 is due, Chen.");

        var message = NoticeMessages.For(notice, Acknowledged);

        message.Card.Should().BeNull();
        message.Text.Should().Be("An update on INC-7 is due, Chen.");
        message.Buttons.Select(b => $"{b.Text}|{b.ActionId}|{b.Value}").Should().Equal(
            "Post update|incident.update|INC-7", "Snooze 15m|incident.snooze|INC-7:15m", "Snooze 30m|incident.snooze|INC-7:30m", "Snooze 1h|incident.snooze|INC-7:1h");
    }

    [Fact]
    public void AlertsResolved_IsTheSentenceWithOneResolveButton()
    {
        var notice = Outbox(NoticeKind.AlertsResolved, "The alerts of INC-7 (Checkout errors) have resolved. If the incident is over, resolve it: the button or /incident resolve INC-7 <resolution>.");

        var message = NoticeMessages.For(notice, Acknowledged with { AlertNote = "all alerts resolved" });

        message.Card.Should().BeNull();
        message.Text.Should().Be("The alerts of INC-7 (Checkout errors) have resolved. If the incident is over, resolve it: the button or /incident resolve INC-7 <resolution>.");
        message.Buttons.Select(b => $"{b.Text}|{b.ActionId}|{b.Value}").Should().Equal("Resolve|incident.resolve|INC-7");
    }

    [Fact]
    public void RcaPrompt_WhileTheIncidentWaits_IsTheSentenceWithSubmitAndWaive()
    {
        var waiting = Acknowledged with { State = IncidentState.RcaPending, RcaRequired = true };

        var message = NoticeMessages.For(Outbox(NoticeKind.RcaPrompt, "INC-7 needs its root-cause analysis."), waiting);

        message.Card.Should().BeNull();
        message.Buttons.Select(b => $"{b.Text}|{b.ActionId}|{b.Value}").Should().Equal("Submit RCA|incident.rca|INC-7", "Waive RCA|incident.waive|INC-7");
    }

    [Fact]
    public void CardUpdate_CarriesTheLiveIncidentCardAndNoPromptButtons()
    {
        var message = NoticeMessages.For(Outbox(NoticeKind.CardUpdate, "Chen acknowledged INC-7."), Acknowledged);

        message.Card.Should().BeEquivalentTo(IncidentCard.Render(Acknowledged), o => o.WithStrictOrdering());
        message.Buttons.Should().BeEmpty();
    }

    [Fact]
    public void CardUnderText_LeavesOutASummaryThatRepeatsTheSentence()
    {
        var offer = new OutgoingMessage("Reply to the customer?", TicketCard.ReplyOffer(42, 7, "Reply to the customer?"));

        offer.CardUnderText!.Summary.Should().BeNull();
        offer.Card!.Summary.Should().Be("Reply to the customer?");
    }

    private static OutboxMessage Outbox(NoticeKind kind, string text) => new(Now, 7, new Notice(kind, Audience.Incident, text, "chen"));
}
