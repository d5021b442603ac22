namespace Jivrus.IncidentBot.Bot.Alerts;

/// <summary>
/// Alert intake settings (section <c>Alerts</c>). Each plan source's bearer token is
/// <c>Alerts:Sources:{source}:Token</c>, read per request through <see cref="AlertTokens"/>; a source without one
/// refuses every request.
/// </summary>
internal sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>The largest body <c>POST /alerts/{source}</c> reads, in bytes; a larger one gets 413. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
