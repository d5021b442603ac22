using Jivrus.IncidentBot.Workflow.Incidents;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary>Resolution and RCA notes on linked tickets, the offered reply, and the outbox under Freshdesk's rate limit.</summary>
public sealed class TicketWriteBackTests : IAsyncLifetime
{
    private static readonly Actor Ana = Actor.Person("ana", "Ana");
    private FreshdeskScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = new FreshdeskScenario();
        _scenario.Freshdesk.SetTicket(_scenario.Urgent());
        await _scenario.CommandAsync("ana", "/ticket", "incident 42");
        await _scenario.Host.Desk.AcknowledgeAsync(Ana, 1);
    }

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Resolve_WritesOnePrivateNoteWithTheResolution_EvenWhenTheResolveIsRetried()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the payment gateway release");
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the payment gateway release");
        await _scenario.Host.Desk.ReopenAsync(Ana, 1);
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back again");

        await _scenario.SendNotesAsync();
        await _scenario.SendNotesAsync();

        var note = _scenario.Freshdesk.NotesOf(42).Should().ContainSingle().Subject;
        note.GetProperty("private").GetBoolean().Should().BeTrue();
        note.GetProperty("body").GetString().Should().Contain("INC-1").And.Contain("Rolled back the payment gateway release");
    }

    [Fact]
    public async Task Resolve_OffersTheCustomerReplyAsAButton_AndSendsNoReply()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the release");

        await _scenario.Host.FlushAsync();
        await _scenario.SendNotesAsync();

        var offer = _scenario.Host.Posts.Deliveries.Should().ContainSingle(d => d.Message.Kind == NoticeKind.ReplyOffer).Subject;
        offer.Message.Audience.Should().Be(Audience.Support);
        offer.Content.Card!.Buttons.Should().ContainSingle().Which.Should().Match<Messages.CardButton>(b => b.ActionId == "ticket.reply" && b.Value == "42:INC-1");
        _scenario.Freshdesk.RepliesOf(42).Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitRca_AddsTheRcaAsAPrivateNote()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back");
        await _scenario.Host.Desk.SubmitRcaAsync(Ana, 1, "A config flag flipped in the release", "Guard the flag");

        await _scenario.SendNotesAsync();

        _scenario.Freshdesk.NotesOf(42).Select(n => n.GetProperty("body").GetString()).Should().HaveCount(3)
            .And.Contain(b => b!.StartsWith("Root-cause analysis of INC-1", StringComparison.Ordinal) && b.Contains("Guard the flag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitRca_WritesTheCorrectiveActionsAsAPrivateNote()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back");
        await _scenario.Host.Desk.SubmitRcaAsync(Ana, 1, "A config flag flipped in the release", "Guard the flag owner ana due 2d; Test the rollback");

        await _scenario.SendNotesAsync();

        // Freshdesk reads a note as HTML: the text is escaped (the middle dot too) and each action is on its own line.
        var note = _scenario.Freshdesk.NotesOf(42)[^1];
        note.GetProperty("private").GetBoolean().Should().BeTrue();
        note.GetProperty("body").GetString().Should().Be(
            "Corrective actions of INC-1 (Checkout fails with error 500):<br>"
            + "#1 Guard the flag &#183; owner Ana &#183; due Wed 4 Mar 10:00 (Asia/Kolkata) &#183; open<br>"
            + "#2 Test the rollback &#183; no owner &#183; no due date &#183; open");
    }

    [Fact]
    public async Task ActionDone_WritesTheActionsNoteAgainWithTheNewState()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back");
        await _scenario.Host.Desk.SubmitRcaAsync(Ana, 1, "A config flag flipped in the release", "Guard the flag owner ana due 2d");
        await _scenario.SendNotesAsync();

        await _scenario.Host.Desk.CompleteActionAsync(Ana, 1, 1);
        await _scenario.SendNotesAsync();

        _scenario.Freshdesk.NotesOf(42).Select(n => n.GetProperty("body").GetString()).Should().Equal(
            "INC-1 (Checkout fails with error 500) was resolved by Ana. Resolution: Rolled back",
            "Root-cause analysis of INC-1 (Checkout fails with error 500): A config flag flipped in the release Corrective actions: Guard the flag owner ana due 2d",
            "Corrective actions of INC-1 (Checkout fails with error 500):<br>#1 Guard the flag &#183; owner Ana &#183; due Wed 4 Mar 10:00 (Asia/Kolkata) &#183; open",
            "Corrective actions of INC-1 (Checkout fails with error 500):<br>#1 Guard the flag &#183; owner Ana &#183; due Wed 4 Mar 10:00 (Asia/Kolkata) &#183; done");
    }

    [Fact]
    public async Task RateLimited_429WithRetryAfter_WaitsThenWritesTheNoteOnce()
    {
        _scenario.Freshdesk.RateLimitNotesOnce(42, retryAfterSeconds: 30);
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back");

        var first = await _scenario.SendNotesAsync();
        _scenario.Host.Time.Advance(TimeSpan.FromSeconds(20));
        var tooEarly = await _scenario.SendNotesAsync();
        _scenario.Host.Time.Advance(TimeSpan.FromSeconds(10));
        var afterRetryAfter = await _scenario.SendNotesAsync();

        first.Should().Be(0);
        tooEarly.Should().Be(0);
        afterRetryAfter.Should().Be(1);
        _scenario.Freshdesk.Requests.Count(r => r.Path == "/api/v2/tickets/42/notes").Should().Be(2);
        _scenario.Freshdesk.NotesOf(42).Should().ContainSingle();
    }
}
