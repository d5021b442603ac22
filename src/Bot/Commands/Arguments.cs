namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// A window over the tokens of one command. Free text is cut from the source between the first and last
/// token of the window, so line breaks and spacing inside an update or an RCA survive.
/// </summary>
internal readonly struct Arguments
{
    private readonly string _source;
    private readonly List<Token> _tokens;
    private readonly int _start;
    private readonly int _end;

    private Arguments(string source, List<Token> tokens, int start, int end)
    {
        _source = source;
        _tokens = tokens;
        _start = start;
        _end = end;
    }

    public static Arguments Of(string source)
    {
        var clean = Tokenizer.Sanitize(source);
        var tokens = Tokenizer.Split(clean);
        return new Arguments(clean, tokens, 0, tokens.Count);
    }

    public int Count => _end - _start;

    public bool IsEmpty => Count == 0;

    public Token this[int index] => _tokens[_start + index];

    public string Source => _source;

    public Arguments Skip(int count) => new(_source, _tokens, Math.Min(_start + count, _end), _end);

    public Arguments Take(int count) => new(_source, _tokens, _start, Math.Min(_start + count, _end));

    public Arguments DropLast(int count) => new(_source, _tokens, _start, Math.Max(_end - count, _start));

    /// <summary>The source text the window covers, from its first token to its last, as written.</summary>
    public string Text => IsEmpty ? "" : _source[this[0].Start..this[Count - 1].End];

    /// <summary>The source text after <paramref name="offset"/> characters into token <paramref name="index"/>, to the end of the window.</summary>
    public string TextFrom(int index, int offset)
    {
        var from = Math.Min(this[index].Start + offset, this[Count - 1].End);
        return _source[from..this[Count - 1].End];
    }
}
