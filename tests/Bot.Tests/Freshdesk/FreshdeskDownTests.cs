using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Freshdesk;

/// <summary>Ticket commands while Freshdesk fails: the person learns the command was not done, and why, without the API's details.</summary>
public sealed partial class FreshdeskDownTests : IAsyncLifetime
{
    private readonly FakeFreshdesk _freshdesk = new();
    private TimedHost _host = null!;

    public async Task InitializeAsync()
    {
        // No back-off: the fake clock does not move while a command waits, so the retries go out at once.
        _host = new TimedHost(FreshdeskScenario.Monday, [.. _freshdesk.Settings, ("Freshdesk:RetryBaseDelay", "00:00:00")]);
        _freshdesk.SetTicket(new FakeTicket(42, FreshdeskScenario.Monday));
        await CommandAsync("/ticket show 42");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _freshdesk.Dispose();
    }

    [Fact]
    public async Task Escalate_WhileFreshdeskIsDown_SaysTheTicketWasNotEscalated()
    {
        _freshdesk.FailTicket(42, 503);

        var text = await CommandAsync("/ticket escalate 42");

        text.Should().Be("Ticket #42 was NOT escalated: Freshdesk is not answering; try again in a minute. (ref REF)");
    }

    [Fact]
    public async Task Promote_WithTheApiKeyRefused_SaysTheTicketWasNotPromotedAndWhoCanFixIt()
    {
        _freshdesk.FailTicket(42, 401);

        var text = await CommandAsync("/ticket incident 42");

        text.Should().Be("Ticket #42 was NOT promoted to an incident: Freshdesk refused the bot's request; ask an admin to check the Freshdesk connection. (ref REF)");
    }

    [Fact]
    public async Task Show_FreshdeskFailsOnce_IsRetriedWithinTheCommandAndShowsTheTicket()
    {
        _freshdesk.FailTicketOnce(42, 503);

        var text = await CommandAsync("/ticket show 42");

        text.Should().Be("Ticket #42: Checkout fails with error 500");
        TicketFetches().Should().Equal(200, 503, 200);
    }

    [Fact]
    public async Task Escalate_WhileFreshdeskIsDown_TriesThreeTimesThenGivesUp()
    {
        _freshdesk.FailTicket(42, 503);

        await CommandAsync("/ticket escalate 42");

        TicketFetches().Should().Equal(200, 503, 503, 503);
    }

    [Fact]
    public async Task Promote_WithTheApiKeyRefused_IsNotRetried()
    {
        _freshdesk.FailTicket(42, 401);

        await CommandAsync("/ticket incident 42");

        TicketFetches().Should().Equal(200, 401);
    }

    /// <summary>The statuses Freshdesk answered to the ticket's fetches, the set-up's first.</summary>
    private List<int> TicketFetches() =>
        _freshdesk.Requests.Where(r => r.Method == "GET" && r.Path == "/api/v2/tickets/42").Select(r => r.Status).ToList();

    private async Task<string> CommandAsync(string line)
    {
        var reply = await _host.Services.GetRequiredService<TurnHandler>().HandleAsync(
            new InboundMessage(ChannelKind.Local, "ana", null, "#support", null, null, line));
        return Reference().Replace(reply.Text, "(ref REF)");
    }

    [GeneratedRegex(@"\(ref [0-9a-f]{8}\)")]
    private static partial Regex Reference();
}
