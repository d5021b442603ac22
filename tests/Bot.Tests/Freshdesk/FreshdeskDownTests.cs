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
        // One attempt: the fake clock does not move, so the client's back-off between attempts would never end.
        _host = new TimedHost(FreshdeskScenario.Monday, [.. _freshdesk.Settings, ("Freshdesk:MaxAttempts", "1")]);
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

    private async Task<string> CommandAsync(string line)
    {
        var reply = await _host.Services.GetRequiredService<TurnHandler>().HandleAsync(
            new InboundMessage(ChannelKind.Local, "ana", null, "#support", null, null, line));
        return Reference().Replace(reply.Text, "(ref REF)");
    }

    [GeneratedRegex(@"\(ref [0-9a-f]{8}\)")]
    private static partial Regex Reference();
}
