using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary>The customer reply of a ticket linked to a resolved incident: who may send it, the draft, and what goes out.</summary>
public sealed class TicketReplyTests : IAsyncLifetime
{
    private const string Draft = ResolvedTicket.DraftByAna;
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
    public async Task Resolve_OffersTheReplyWithoutTheInternalResolution()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Resolved from the incident card.");

        await _scenario.Host.FlushAsync();

        var offer = _scenario.Host.Posts.Deliveries.Should().ContainSingle(d => d.Message.Kind == NoticeKind.ReplyOffer).Subject;
        offer.Content.Text.Should().Be("INC-1 is resolved and Freshdesk ticket #42 is linked to it. A responder or manager can reply to the customer: "
            + "the button opens a draft to edit, and nothing is sent until it is submitted.");
    }

    [Fact]
    public async Task ReplyButton_PressedByAResponder_OpensTheFormWithADraftWrittenForTheCustomer()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Resolved from the incident card.");

        var reply = await _scenario.PressAsync("ana", "ticket.reply", "42:INC-1");
        await _scenario.SendNotesAsync();

        reply.Text.Should().Be("Edit the reply to the customer of ticket #42 before you send it.");
        reply.Form.Should().Be(new FormRequest(FormKind.TicketReply, 1) { TicketId = 42, Draft = Draft });
        _scenario.Freshdesk.RepliesOf(42).Should().BeEmpty();
    }

    [Fact]
    public async Task ReplyButton_PressedBySomeoneWithNoRole_IsRefusedAndOpensNoForm()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the release");

        var reply = await _scenario.PressAsync("gus", "ticket.reply", "42:INC-1");

        reply.Text.Should().Be("gus cannot reply to the customer of ticket #42 about INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana).");
        reply.Form.Should().BeNull();
    }

    [Fact]
    public async Task ReplyButton_BeforeTheIncidentIsResolved_OpensNoForm()
    {
        var reply = await _scenario.PressAsync("ana", "ticket.reply", "42:INC-1");

        reply.Text.Should().Be("INC-1 is not resolved yet; reply to the customer of ticket #42 once it is.");
        reply.Form.Should().BeNull();
    }

    [Fact]
    public async Task SubmitReply_SendsTheEditedTextOnce_EvenWhenSubmittedTwice()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the release");

        var first = await SubmitAsync("ana", "Hello Priya,\nCheckout works again.\nAna");
        var second = await SubmitAsync("ana", "Hello Priya,\nCheckout works again.\nAna");
        await _scenario.SendNotesAsync();
        await _scenario.SendNotesAsync();

        first.Reply!.Text.Should().Be("Your reply to the customer of ticket #42 is on its way to Freshdesk. It is on the timelines of INC-1 and of the ticket.");
        second.Accepted.Should().BeTrue();
        second.Reply!.Text.Should().Be("Ana already replied to the customer of ticket #42; nothing more was sent.");
        _scenario.Freshdesk.RepliesOf(42).Should().ContainSingle().Which.GetProperty("body").GetString()
            .Should().Be("Hello Priya,<br>Checkout works again.<br>Ana");
    }

    [Fact]
    public async Task SubmitReply_RecordsWhatWasSentAndByWhomOnBothTimelines()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the release");

        await SubmitAsync("ana", "Hello Priya,\nCheckout works again.");

        var incident = await _scenario.Host.Desk.TimelineAsync(1);
        incident!.Value.Entries[^1].Text.Should().Be("Ana replied to the customer of Freshdesk ticket #42: \"Hello Priya, Checkout works again.\"");
        (await _scenario.Tickets.TimelineAsync(42))[^1].Text.Should().Be("Ana replied to the customer about INC-1: \"Hello Priya, Checkout works again.\"");
    }

    [Fact]
    public async Task SubmitReply_Empty_IsRefusedInsideTheFormAndSendsNothing()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the release");

        var result = await SubmitAsync("ana", "  \n ");
        await _scenario.SendNotesAsync();

        result.Errors.Should().Equal(new Dictionary<string, string> { ["reply"] = "Write the reply to the customer; an empty reply is not sent." });
        _scenario.Freshdesk.RepliesOf(42).Should().BeEmpty();
    }

    [Fact]
    public async Task SubmitReply_BySomeoneWithNoRole_IsRefusedAndSendsNothing()
    {
        await _scenario.Host.Desk.ResolveAsync(Ana, 1, "Rolled back the release");

        var result = await SubmitAsync("gus", "We fixed it.");
        await _scenario.SendNotesAsync();

        result.Errors.Should().Equal(new Dictionary<string, string>
        {
            ["reply"] = "gus cannot reply to the customer of ticket #42 about INC-1. Ask someone paged for it (Ana, Ben) or a manager (Dana).",
        });
        _scenario.Freshdesk.RepliesOf(42).Should().BeEmpty();
        (await _scenario.Tickets.TimelineAsync(42)).Should().NotContain(e => e.Action == "replied");
    }

    private Task<FormResult> SubmitAsync(string person, string text) =>
        _scenario.Host.Services.GetRequiredService<TurnHandler>().SubmitTicketReplyAsync(
            new InboundMessage(ChannelKind.Local, person, null, "local:general", null, null, ""), new TicketReplyForm(42, 1, text));
}
