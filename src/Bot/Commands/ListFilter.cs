namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Which incidents <c>/incident list</c> shows; the default is <see cref="Open"/>.</summary>
public enum ListFilter
{
    /// <summary>Every incident not yet closed or cancelled.</summary>
    Open,

    /// <summary>Open incidents the sender owns.</summary>
    Mine,

    /// <summary>The most recently closed or cancelled incidents, drills among them (marked).</summary>
    Closed,

    /// <summary>Open drills, which the other open lists leave out.</summary>
    Drills,
}
