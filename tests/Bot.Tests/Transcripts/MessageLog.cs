using Jivrus.IncidentBot.Bot.Delivery;
using Jivrus.IncidentBot.Bot.Messages;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// The channel-neutral side of a transcript: every message the chat was asked to render (the notice's kind and
/// audience, its sentence, its card in full, its buttons with their values), under the same step headers. It is
/// written before any channel renders anything, so Slack, Teams and the local page must write the same file,
/// messages.txt; what each shows of it is in their own transcript.
/// </summary>
internal sealed class MessageLog
{
    private readonly List<string> _lines = [];
    private readonly List<IReadOnlyList<TranscriptButton>> _buttonsThisStep = [];
    private int _seen;

    public void Header(string header)
    {
        if (_lines.Count > 0)
            _lines.Add("");
        _lines.Add(header);
        _buttonsThisStep.Clear();
    }

    /// <summary>Writes the deliveries made since the last call.</summary>
    public void Record(IReadOnlyList<DeliveryRequest> deliveries)
    {
        for (; _seen < deliveries.Count; _seen++)
        {
            var delivery = deliveries[_seen];
            var message = delivery.Message;
            var to = message.PersonId is null ? message.Audience.ToString() : $"{message.Audience} {message.PersonId}";
            var content = delivery.Content;
            var parts = new List<string> { $"{message.Kind} to {to}", TranscriptText.Line(content.Text) };
            if (content.Card is { } card)
                parts.Add(Card(card));
            if (content.Buttons.Count > 0)
                parts.Add(Buttons(content.Buttons));
            _lines.Add(string.Join(" | ", parts));
            var buttons = content.Card?.Buttons ?? content.Buttons;
            _buttonsThisStep.Add([.. buttons.Select(b => new TranscriptButton(b.Text, b.ActionId))]);
        }
    }

    /// <summary>Whether a row of buttons a chat showed in this step is the row of one of the step's messages.</summary>
    public bool Offered(IReadOnlyList<TranscriptButton> shown) => _buttonsThisStep.Any(row => row.SequenceEqual(shown));

    public string Text() => string.Join('\n', _lines) + "\n";

    private static string Card(Card card) => "card: " + string.Join(" / ",
        new[] { $"{card.Tone}: {card.Title}", card.Summary is null ? null : TranscriptText.Line(card.Summary) }
            .Concat(card.Fields.Select(f => $"{f.Label}: {f.Value}{(f.Time is null ? "" : " (local time)")}"))
            .Append(card.Context)
            .OfType<string>())
        + (card.Buttons.Count > 0 ? " | " + Buttons(card.Buttons) : "");

    private static string Buttons(IReadOnlyList<CardButton> buttons) => string.Join(' ', buttons.Select(b =>
        $"[{b.Text}: {b.ActionId} {b.Value}{(b.Style == ButtonStyle.Default ? "" : $" {b.Style.ToString().ToLowerInvariant()}")}{(b.Confirm is null ? "" : $" confirm \"{b.Confirm}\"")}]"));
}
