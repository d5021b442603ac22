namespace Jivrus.IncidentBot.Bot.Tests.Parity;

/// <summary>
/// One chat channel seen the way a person sees it, so a scenario is written once for Slack and Teams.
/// People are plan ids (<c>ana</c>, <c>eve</c>); commands are typed as in Slack (<c>/incident ack INC-1</c>).
/// Every action is followed by an outbox delivery, as the running bot would do a moment later.
/// </summary>
public interface IChatDriver : IAsyncDisposable
{
    /// <summary>The channel's name, for messages.</summary>
    string Channel { get; }

    /// <summary>
    /// A plan person types a command, in a place or (by default) somewhere that is no incident's conversation;
    /// returns what they were shown at once.
    /// </summary>
    Task<ChatTurn> SayAsync(string person, string commandLine, Place? where = null);

    /// <summary>A plan person presses a button on the latest card of an incident in a place (default: the announce channel).</summary>
    Task<ChatTurn> PressAsync(string person, string actionId, string incidentId, Place? on = null);

    /// <summary>A plan person presses a button of a plain post (a reminder, not a card) in a place; <paramref name="value"/> is the button's value.</summary>
    Task<ChatTurn> PressOnPostAsync(string person, string actionId, string value, Place on);

    /// <summary>A plan person fills in and submits a form the bot opened; fields use the form's field names (<c>root_cause</c>, <c>actions</c>).</summary>
    Task<ChatTurn> SubmitAsync(string person, ChatForm form, params (string Field, string Value)[] fields);

    /// <summary>The plain text of every post in a place, oldest first (live card updates and answers to a person's own turns not included).</summary>
    Task<IReadOnlyList<string>> PostsAsync(Place place);

    /// <summary>The current text of the incident's card in a place, or null when none was posted there.</summary>
    Task<string?> CardAsync(Place place, string incidentId);

    /// <summary>The current text of every copy of the incident's card, wherever it was posted.</summary>
    Task<IReadOnlyList<string>> CardsAsync(string incidentId);

    /// <summary>Opens a link the bot gave (a signed document link) on the host, as a browser would.</summary>
    Task<(System.Net.HttpStatusCode Status, string Body)> OpenAsync(string link);

    /// <summary>Moves the clock, fires the timers that fell due and delivers what they posted.</summary>
    Task AdvanceAsync(TimeSpan by);
}
