using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// Socket Mode: with <c>Slack:AppToken</c> set, the bot connects out to Slack and needs no public address. It keeps
/// <c>Slack:SocketConnections</c> connections (default 2, as Slack advises) so one carries on while another is refreshed;
/// Slack spreads its envelopes over them.
/// </summary>
internal sealed class SocketModeService(
    IOptions<SlackOptions> options,
    SocketUrlClient urls,
    SocketEnvelopes envelopes,
    TimeProvider time,
    ILogger<SocketModeService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SocketMode)
            return Task.CompletedTask;
        var count = settings.SocketConnections;
        return Task.WhenAll(Enumerable.Range(1, count)
            .Select(n => new SocketSlot(n, count, settings, urls, envelopes, time, log).RunAsync(stoppingToken)));
    }
}
