using System.Globalization;

namespace Jivrus.IncidentBot.Bot.Tests.Transcripts;

/// <summary>
/// What people saw, in order: a header per scripted step ("# 10:01:20 Chen acknowledges …") and under it one line
/// per post, card update, answer or form the step caused, in every conversation.
/// </summary>
internal sealed class Transcript
{
    private const int ConversationWidth = 20;
    private const int KindWidth = 6;
    private readonly List<string> _lines = [];
    private const int SameAsThreshold = 60;
    private readonly Dictionary<string, string> _cardsThisStep = new(StringComparer.Ordinal);
    private int _sinceHeader;

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The rows of buttons the step's posts, cards, pages and card updates showed, with where they were shown.</summary>
    public List<(string Where, IReadOnlyList<TranscriptButton> Buttons)> PostedButtons { get; } = [];

    /// <param name="did">What exactly was typed or pressed, written under the header.</param>
    public void Header(DateTimeOffset at, string what, string? did = null)
    {
        CloseStep();
        if (_lines.Count > 0)
            _lines.Add("");
        _lines.Add($"# {TranscriptText.Clock(at)} {what}");
        if (did is not null)
            _lines.Add($"#          {did}");
        _sinceHeader = 0;
        _cardsThisStep.Clear();
        PostedButtons.Clear();
    }

    /// <summary>One visible item: where, what kind (post, card, page, update, answer, form), its text and its buttons.</summary>
    public void Add(string conversation, string kind, string text, IEnumerable<TranscriptButton>? buttons = null)
    {
        var shown = buttons?.ToList() ?? [];
        if (kind is "post" or "card" or "page" or "update" && shown.Count > 0)
            PostedButtons.Add((conversation, shown));
        var content = shown.Count == 0 ? text : $"{text} | {string.Join(' ', shown.Select(b => $"[{b.Label}: {b.ActionId}]"))}";
        // A card shown again in the step (its copies in every conversation) is written once; posts always in full,
        // so a doubled post stays visible as two equal lines.
        if (kind is "card" or "page" or "update" && content.Length > SameAsThreshold)
        {
            if (_cardsThisStep.TryGetValue(content, out var first))
                content = $"(same card as {first} above)";
            else
                _cardsThisStep[content] = conversation;
        }

        _lines.Add($"{conversation.PadRight(ConversationWidth)} | {kind.PadRight(KindWidth)} | {content}".TrimEnd());
        _sinceHeader++;
    }

    /// <summary>The whole transcript, with a closing note under a last step that showed nothing.</summary>
    public string Text()
    {
        CloseStep();
        return string.Join('\n', _lines) + "\n";
    }

    // A step that showed nothing says so, so a post that goes missing later reads as a change, not as silence.
    private void CloseStep()
    {
        if (_lines.Count > 0 && _sinceHeader == 0 && _lines[^1].StartsWith('#'))
        {
            _lines.Add("(nothing shown)");
            _sinceHeader = 1;
        }
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} lines", _lines.Count);
}

/// <summary>A button as a person sees it: its label, and the action id it sends.</summary>
internal sealed record TranscriptButton(string Label, string ActionId);
