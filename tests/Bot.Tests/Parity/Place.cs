namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>Where the bot posts, in product terms; each driver maps it to its channel's conversation.</summary>
public sealed record Place(PlaceKind Kind, string? Key = null)
{
    /// <summary>The plan's announce channel.</summary>
    public static Place Announce { get; } = new(PlaceKind.Announce);

    /// <summary>The plan's management channel.</summary>
    public static Place Management { get; } = new(PlaceKind.Management);

    /// <summary>The incident's own conversation: its Slack channel, its Teams thread.</summary>
    public static Place IncidentOf(string incidentId) => new(PlaceKind.Incident, incidentId);

    /// <summary>The bot's direct conversation with a plan person.</summary>
    public static Place DirectTo(string person) => new(PlaceKind.Direct, person);

    public override string ToString() => Key is null ? Kind.ToString() : $"{Kind}({Key})";
}

public enum PlaceKind
{
    Announce,
    Management,
    Incident,
    Direct,
}
