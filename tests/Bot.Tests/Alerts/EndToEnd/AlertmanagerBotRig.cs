using Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>
/// A real Prometheus Alertmanager whose webhook receiver is the real bot: <c>/alerts/prometheus</c> at the bot's port,
/// with the source's bearer token and <c>send_resolved: true</c>, grouping by alertname (docs/alerts-setup.md).
/// </summary>
internal sealed class AlertmanagerBotRig : IAsyncDisposable
{
    public const string Source = "prometheus";

    private AlertmanagerBotRig(AlertBot bot, AlertmanagerFixture alertmanager)
    {
        Bot = bot;
        Alertmanager = alertmanager;
    }

    public AlertBot Bot { get; }

    public AlertmanagerFixture Alertmanager { get; }

    public AlertmanagerApi Api => Alertmanager.Api;

    public static async Task<AlertmanagerBotRig> StartAsync()
    {
        var bot = AlertBot.Start();
        try
        {
            var options = new AlertmanagerOptions(bot.AlertsUrl(Source), AlertBot.PrometheusToken);
            return new AlertmanagerBotRig(bot, await AlertmanagerFixture.StartAsync(options));
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Alertmanager first: nothing may post to a bot that is going away.
        await Alertmanager.DisposeAsync();
        await Bot.DisposeAsync();
    }
}
