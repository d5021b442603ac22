namespace Jivrus.IncidentBot.Bot.Tests.Alerts.RealAlertmanager;

/// <summary>A real Alertmanager whose webhook receiver is a <see cref="WebhookRecorder"/> at <c>/alerts/alertmanager</c>.</summary>
internal sealed class AlertmanagerRig : IAsyncDisposable
{
    public const string Token = "am-test-token";
    public const string ReceiverPath = "/alerts/alertmanager";

    private AlertmanagerRig(WebhookRecorder receiver, AlertmanagerFixture alertmanager)
    {
        Receiver = receiver;
        Alertmanager = alertmanager;
    }

    public WebhookRecorder Receiver { get; }

    public AlertmanagerFixture Alertmanager { get; }

    public AlertmanagerApi Api => Alertmanager.Api;

    public static async Task<AlertmanagerRig> StartAsync(Func<AlertmanagerOptions, AlertmanagerOptions>? adjust = null)
    {
        var receiver = await WebhookRecorder.StartAsync();
        try
        {
            var options = new AlertmanagerOptions(new Uri(receiver.Address, ReceiverPath), Token);
            return new AlertmanagerRig(receiver, await AlertmanagerFixture.StartAsync(adjust?.Invoke(options) ?? options));
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
    }

    public static Dictionary<string, string> Labels(params (string Name, string Value)[] labels) =>
        labels.ToDictionary(label => label.Name, label => label.Value);

    /// <summary>The group key Alertmanager gives a group of the root route grouped by alertname.</summary>
    public static string GroupKey(string alertname) => $"{{}}:{{alertname=\"{alertname}\"}}";

    public async ValueTask DisposeAsync()
    {
        await Alertmanager.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
