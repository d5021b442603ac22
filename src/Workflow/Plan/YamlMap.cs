using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// A YAML mapping read with the plan's rules: only known keys, required keys present, typed values.
/// Every problem goes to the shared <see cref="PlanErrorList"/> with the node's line, and the reader
/// returns null so the caller can carry on and report the rest of the file too.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly PlanErrorList _errors;
    private string[] _known = [];

    private YamlMap(YamlMappingNode node, string context, PlanErrorList errors)
    {
        _node = node;
        Context = context;
        _errors = errors;
    }

    /// <summary>Where this mapping sits, for messages: "severity sev1", "escalation".</summary>
    public string Context { get; set; }

    public int Line => PlanErrorList.LineOf(_node);

    public static YamlMap? From(YamlNode node, string context, PlanErrorList errors)
    {
        if (node is YamlMappingNode mapping)
            return new YamlMap(mapping, context, errors);
        errors.Add(node, $"{context} must be a mapping of keys and values");
        return null;
    }

    /// <summary>
    /// Reports every key not in <paramref name="known"/>, suggesting the nearest known key for typos.
    /// Call it before reading required keys, so a typo is reported once, as a typo, not also as a missing key.
    /// </summary>
    public void AllowOnly(params string[] known)
    {
        _known = known;
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (known.Contains(name, StringComparer.Ordinal))
                continue;
            var hint = KeySuggestion.Nearest(name, known) is { } near ? $" (did you mean '{near}'?)" : "";
            _errors.Add(key, $"unknown key '{name}' in {Context}{hint}");
        }
    }

    /// <summary>The value under <paramref name="key"/>, or null when absent or written as an empty/null value.</summary>
    public YamlNode? Get(string key, bool required = false)
    {
        if (_node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value))
            return value;
        if (required && !IsMisspelt(key))
            _errors.Add(_node, $"missing required key '{key}' in {Context}");
        return null;
    }

    /// <summary>True when an unknown key present here was already reported as a probable typo of <paramref name="key"/>.</summary>
    public bool IsMisspelt(string key) =>
        _node.Children.Keys
            .Select(k => (k as YamlScalarNode)?.Value ?? "")
            .Any(name => !_known.Contains(name, StringComparer.Ordinal) && KeySuggestion.Nearest(name, _known) == key);

    public string? Text(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null)
            return null;
        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
            return value;
        if (node is YamlScalarNode)
        {
            // Only a quoted "" gets here; readers treat null as "already reported", so say something.
            _errors.Add(node, $"'{key}' in {Context} is empty");
            return null;
        }

        _errors.Add(node, $"'{key}' in {Context} must be a single value");
        return null;
    }

    public TimeSpan? Duration(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
            return null;
        if (DurationText.TryParse(text, out var value))
            return value;
        _errors.Add(Get(key)!, $"'{text}' is not a duration for '{key}' in {Context} (write e.g. 30s, 15m, 4h or 2d)");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = Text(key);
        if (text is null)
            return null;
        if (bool.TryParse(text, out var value))
            return value;
        _errors.Add(Get(key)!, $"'{key}' in {Context} must be true or false, not '{text}'");
        return null;
    }

    public int? Int(string key)
    {
        var text = Text(key);
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        _errors.Add(Get(key)!, $"'{key}' in {Context} must be a whole number, not '{text}'");
        return null;
    }

    public YamlMap? Map(string key, string context, bool required = false) =>
        Get(key, required) is { } node ? From(node, context, _errors) : null;

    /// <summary>The items of a list; a single scalar is not silently taken as a one-item list.</summary>
    public IReadOnlyList<YamlNode>? List(string key, bool required = false)
    {
        var node = Get(key, required);
        if (node is null)
            return null;
        if (node is YamlSequenceNode sequence)
            return sequence.Children.ToList();
        _errors.Add(node, $"'{key}' in {Context} must be a list");
        return null;
    }

    /// <summary>Every key/value pair, for sections keyed by name (tickets).</summary>
    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries() =>
        _node.Children
            .Where(pair => pair.Key is YamlScalarNode)
            .Select(pair => ((YamlScalarNode)pair.Key, pair.Value));

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
