using System.Net;
using System.Text;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Freshdesk;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary>The real host on a fake clock, with Freshdesk on against <see cref="FakeFreshdesk"/>.</summary>
public sealed class FreshdeskScenario : IAsyncDisposable
{
    /// <summary>Monday 2026-03-02 10:00 in Kolkata.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 4, 30, 0, TimeSpan.Zero);

    public FreshdeskScenario(bool freshdeskOn = true)
    {
        Host = freshdeskOn ? new TimedHost(Monday, Freshdesk.Settings) : new TimedHost(Monday);
    }

    public FakeFreshdesk Freshdesk { get; } = new();

    public TimedHost Host { get; }

    public TicketDesk Tickets => Host.Services.GetRequiredService<TicketDesk>();

    /// <summary>An urgent ticket created now, first response due in 1h, resolution in 8h.</summary>
    public FakeTicket Urgent(long id = 42) => new(id, Host.Time.GetUtcNow())
    {
        FrDueBy = Host.Time.GetUtcNow().AddHours(1),
        DueBy = Host.Time.GetUtcNow().AddHours(8),
    };

    public async Task<HttpStatusCode> WebhookAsync(string body, string? secret = FakeFreshdesk.Secret)
    {
        using var client = Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/freshdesk/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
            request.Headers.Add(FreshdeskWebhook.SecretHeader, secret);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Freshdesk's automation rule fires for the ticket as the fake now has it.</summary>
    public Task<HttpStatusCode> TicketChangedAsync(FakeTicket ticket)
    {
        Freshdesk.SetTicket(ticket);
        return WebhookAsync($$"""{"ticket_id": {{ticket.Id}}}""");
    }

    public Task<TurnReply> CommandAsync(string person, string command, string text) =>
        Host.Services.GetRequiredService<TurnHandler>().HandleAsync(
            new InboundMessage(ChannelKind.Local, person, char.ToUpperInvariant(person[0]) + person[1..], "local:general", null, command, text));

    /// <summary>A person presses a button on a card.</summary>
    public Task<TurnReply> PressAsync(string person, string actionId, string value) =>
        Host.Services.GetRequiredService<TurnHandler>().HandleAsync(
            new InboundMessage(ChannelKind.Local, person, null, "local:general", null, null, "", new InboundAction(actionId, value)));

    /// <summary>One round of the note write-back, as the background loop runs it.</summary>
    public Task<int> SendNotesAsync() => Host.Services.GetRequiredService<FreshdeskNoteSender>().RunOnceAsync();

    public async Task<TicketView?> TicketAsync(long id) => (await Tickets.ShowAsync(id)).Ticket;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Freshdesk.Dispose();
    }
}
