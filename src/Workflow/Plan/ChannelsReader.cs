namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>Reads <c>channels:</c>. Every part is optional: a missing channel means the bot does not post there.</summary>
internal static class ChannelsReader
{
    public static PlanChannels? Read(YamlMap root, PlanErrorList errors)
    {
        if (root.Get("channels") is null)
            return new PlanChannels(ChannelAddress.None, ChannelAddress.None, ChannelAddress.None, PerIncident: false);
        var map = root.Map("channels", "channels");
        if (map is null)
            return null;
        map.AllowOnly("announce", "management", "support", "perIncident");

        var announce = ReadAddress(map, "announce", errors);
        var management = ReadAddress(map, "management", errors);
        var support = ReadAddress(map, "support", errors);
        var perIncident = map.Bool("perIncident");
        if (perIncident is null && map.Get("perIncident") is not null)
            return null;
        return announce is null || management is null || support is null
            ? null
            : new PlanChannels(announce, management, support, perIncident ?? false);
    }

    private static ChannelAddress? ReadAddress(YamlMap channels, string key, PlanErrorList errors)
    {
        if (channels.Get(key) is null)
            return ChannelAddress.None;
        var map = channels.Map(key, $"channels.{key}");
        if (map is null)
            return null;
        map.AllowOnly("slack", "teams");
        return new ChannelAddress(map.Text("slack"), map.Text("teams"));
    }
}
