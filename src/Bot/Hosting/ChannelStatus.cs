using Jivrus.IncidentBot.Bot.Channels.Local;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>Which chat channels have their secrets; a channel without them is off and the rest still runs.</summary>
internal sealed record ChannelStatus(bool Slack, bool Teams, bool Freshdesk)
{
    public static ChannelStatus From(IConfiguration configuration) => new(
        Has(configuration, "Slack:BotToken") && (Has(configuration, "Slack:SigningSecret") || Has(configuration, "Slack:AppToken")),
        Has(configuration, "Teams:AppId", "Teams:AppPassword"),
        Has(configuration, "Freshdesk:BaseUrl", "Freshdesk:ApiKey", "Freshdesk:WebhookSecret"));

    /// <summary>One line per channel, saying on or off and, when off, which settings are missing (never their values).</summary>
    public IEnumerable<string> Lines(IConfiguration configuration)
    {
        yield return SlackLine(configuration);
        yield return Line("Teams", Teams, configuration, "Teams:AppId", "Teams:AppPassword");
        yield return Line("Freshdesk", Freshdesk, configuration, "Freshdesk:BaseUrl", "Freshdesk:ApiKey", "Freshdesk:WebhookSecret");
        yield return LocalChatOptions.From(configuration).StartupLine(this);
    }

    /// <summary>Slack says which way it reaches the bot: Socket Mode needs no public address, the HTTP endpoints do.</summary>
    private string SlackLine(IConfiguration configuration)
    {
        if (Slack)
            return Has(configuration, "Slack:AppToken") ? "Slack: Socket Mode (no public URL needed)" : "Slack: HTTP endpoints at /slack/*";
        var missing = new List<string>();
        if (!Has(configuration, "Slack:SigningSecret") && !Has(configuration, "Slack:AppToken"))
            missing.Add("Slack:SigningSecret or Slack:AppToken");
        if (!Has(configuration, "Slack:BotToken"))
            missing.Add("Slack:BotToken");
        return $"Slack: off ({string.Join(", ", missing)} not set)";
    }

    private static string Line(string name, bool on, IConfiguration configuration, params string[] keys)
    {
        if (on)
            return $"{name}: on";
        var missing = keys.Where(k => string.IsNullOrWhiteSpace(configuration[k]));
        return $"{name}: off ({string.Join(", ", missing)} not set)";
    }

    private static bool Has(IConfiguration configuration, params string[] keys) =>
        keys.All(k => !string.IsNullOrWhiteSpace(configuration[k]));
}
