using System.Text.Json;
using System.Text.Json.Nodes;
using Jivrus.IncidentBot.Bot.Conversations;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// What a Slack handler answers, before it is known how the request came in: over HTTP it becomes the response, over
/// Socket Mode the <c>payload</c> of the envelope's acknowledgement. The handlers stay one piece of code for both.
/// </summary>
internal sealed class SlackAnswer
{
    private readonly TurnReply? _ephemeral;
    private readonly JsonObject? _json;
    private readonly string? _text;
    private readonly string? _invalid;

    private SlackAnswer(TurnReply? ephemeral = null, JsonObject? json = null, string? text = null, string? invalid = null)
    {
        _ephemeral = ephemeral;
        _json = json;
        _text = text;
        _invalid = invalid;
    }

    /// <summary>Nothing to say beyond "received" (HTTP 200 with no body, an acknowledgement without payload).</summary>
    public static SlackAnswer None { get; } = new();

    /// <summary>A sentence (and maybe a card) shown only to the person who asked.</summary>
    public static SlackAnswer Ephemeral(TurnReply reply) => new(ephemeral: reply);

    /// <summary>A JSON answer such as a modal's <c>response_action</c>.</summary>
    public static SlackAnswer Json(JsonObject body) => new(json: body);

    /// <summary>Plain text only HTTP asks for (the Events API's URL check); Socket Mode never does.</summary>
    public static SlackAnswer Text(string text) => new(text: text);

    /// <summary>A request that cannot be read; over HTTP a 400 with this sentence.</summary>
    public static SlackAnswer Invalid(string sentence) => new(invalid: sentence);

    /// <summary>True when the acknowledgement of a Socket Mode envelope carries this answer as its payload.</summary>
    public bool HasPayload => _ephemeral is not null || _json is not null;

    public IResult ToResult()
    {
        if (_ephemeral is not null)
            return SlackReplies.Ephemeral(_ephemeral);
        if (_json is not null)
            return SlackReplies.Json(_json);
        if (_text is not null)
            return TypedResults.Text(_text, "text/plain");
        if (_invalid is not null)
            return TypedResults.BadRequest(_invalid);
        return TypedResults.Ok();
    }

    /// <summary>Writes the payload (only when <see cref="HasPayload"/>) as the same JSON HTTP would have answered.</summary>
    public void WritePayload(Utf8JsonWriter writer)
    {
        if (_ephemeral is not null)
            SlackReplies.WriteEphemeral(writer, _ephemeral);
        else
            _json?.WriteTo(writer);
    }
}
