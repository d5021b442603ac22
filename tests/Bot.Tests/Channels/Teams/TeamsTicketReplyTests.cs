using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Tests.Freshdesk;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>The customer reply in Teams: the button answers with an Adaptive Card form holding the draft.</summary>
public sealed class TeamsTicketReplyTests : IAsyncLifetime
{
    private readonly FakeFreshdesk _freshdesk = new();
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new TeamsHost(_freshdesk.Settings);
        await ResolvedTicket.SetUpAsync(_host.Services);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _freshdesk.Dispose();
    }

    [Fact]
    public async Task ReplyButton_AnswersWithTheReplyFormHoldingTheDraft()
    {
        var pressed = Activities.Pressed("ticket.reply", "42:INC-1", "offer-card-1");

        await _host.SendAsync(pressed);

        var card = _host.Fake.Accepted.Should().ContainSingle().Which.Card!;
        var input = card["body"]!.AsArray().Single(b => (string?)b!["id"] == "reply")!;
        input["value"]!.GetValue<string>().Should().Be(ResolvedTicket.DraftByAna);
        card["actions"]![0]!["data"]!.ToJsonString().Should().Be("""{"form":"ticket-reply","ticket":"42","incident":"INC-1"}""");
    }

    [Fact]
    public async Task ReplyForm_Empty_ComesBackWithTheMessageUnderTheField()
    {
        await _host.SendAsync(Submitted(new JsonObject { ["form"] = "ticket-reply", ["ticket"] = "42", ["incident"] = "INC-1", ["reply"] = "" }));

        var card = _host.Fake.Accepted.Should().ContainSingle().Which.Card!;
        var body = card["body"]!.AsArray();
        var under = body[body.IndexOf(body.Single(b => (string?)b!["id"] == "reply")) + 1]!;
        under["text"]!.GetValue<string>().Should().Be("Write the reply to the customer; an empty reply is not sent.");
        (await Replies()).Should().BeEmpty();
    }

    [Fact]
    public async Task ReplyForm_Submitted_QueuesTheReply()
    {
        await _host.SendAsync(Submitted(new JsonObject { ["form"] = "ticket-reply", ["ticket"] = "42", ["incident"] = "INC-1", ["reply"] = "Hello Priya, fixed." }));

        (await Replies()).Should().ContainSingle().Which.Body.Should().Be("Hello Priya, fixed.");
    }

    private static JsonObject Submitted(JsonObject value)
    {
        var activity = Activities.Message("");
        activity.Remove("text");
        activity["replyToId"] = "reply-form-1";
        activity["value"] = value;
        return activity;
    }

    private async Task<IReadOnlyList<TicketNote>> Replies() =>
        (await _host.Services.GetRequiredService<TicketNoteStore>().OfTicketAsync(42)).Where(n => n.Kind == TicketNoteKind.Reply).ToList();
}
