namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>
/// A chat system's own directory of people, asked for the name of someone the response plan does not name, so an
/// employee's report shows "Erin Lee" rather than a member id. Channels whose requests already carry a display name
/// (Teams' <c>from.name</c>, the local page) need none.
/// </summary>
public interface IUserDirectory
{
    ChannelKind Channel { get; }

    /// <summary>The person's name as the chat shows it, or null when it cannot be had now (the caller falls back).</summary>
    ValueTask<string?> DisplayNameAsync(string userId, CancellationToken ct);
}
