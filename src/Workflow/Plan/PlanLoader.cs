using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Jivrus.IncidentBot.Workflow.Plan;

/// <summary>
/// Loads the Incident Response Plan from YAML and validates all of it. The file is read into YAML's
/// node model rather than deserialised straight into objects, because the node model keeps the line of
/// every key and value and lets one pass report every problem, not just the first.
/// </summary>
public static class PlanLoader
{
    private static readonly string[] TopLevelKeys =
    [
        "timeZone", "businessHours", "severities", "defaultSeverity", "escalation", "people",
        "channels", "summaries", "tickets", "reopenWithin", "rotations", "alerts",
    ];

    /// <summary>Reads and validates the plan at <paramref name="path"/>.</summary>
    /// <exception cref="PlanValidationException">The file is missing, unreadable, not YAML, or breaks a rule.</exception>
    public static ResponsePlan LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PlanValidationException([new PlanError(path, 0, "file not found")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanValidationException([new PlanError(path, 0, $"cannot read the file: {e.Message}")]);
        }

        return Parse(yaml, path);
    }

    /// <summary>Validates plan text; <paramref name="fileName"/> only labels the errors.</summary>
    /// <exception cref="PlanValidationException">The text is not YAML or breaks a rule.</exception>
    public static ResponsePlan Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new PlanErrorList(fileName);
        var root = ReadRoot(yaml, errors);
        if (root is null)
            throw errors.ToException();

        root.AllowOnly(TopLevelKeys);
        var timeZone = ScheduleReader.ReadTimeZone(root, errors);
        var businessHours = ScheduleReader.ReadBusinessHours(root, errors);
        var severities = SeverityReader.Read(root, errors, out var severityIds);
        var people = PeopleReader.Read(root, errors, out var personIds);
        var rotations = RotationReader.Read(root, timeZone, personIds, errors, out var rotationIds);
        var ladder = LadderReader.Read(root, personIds, rotationIds, errors);
        var channels = ChannelsReader.Read(root, errors);
        var summaries = ScheduleReader.ReadSummaries(root, errors);
        var tickets = TicketsReader.Read(root, severityIds, errors);
        var alerts = AlertsReader.Read(root, severityIds, errors);
        var reopenWithin = root.Duration("reopenWithin");
        var defaultSeverity = ReadDefaultSeverity(root, severityIds, errors);

        if (errors.Any || timeZone is null || businessHours is null || ladder is null
            || channels is null || summaries is null || tickets is null)
        {
            // Every null above has already been reported; the guard only proves it to the compiler.
            throw errors.ToException();
        }

        return new ResponsePlan
        {
            TimeZone = timeZone,
            BusinessHours = businessHours,
            Severities = severities,
            Escalation = ladder,
            People = people,
            Channels = channels,
            Summaries = summaries,
            Tickets = tickets,
            ReopenWithin = reopenWithin ?? TimeSpan.FromDays(7),
            DefaultSeverity = defaultSeverity,
            Rotations = rotations,
            Alerts = alerts,
        };
    }

    private static YamlMap? ReadRoot(string yaml, PlanErrorList errors)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // End, not Start: for a bad indent or stray tab Start is the line before, where the scalar began.
            errors.Add((int)e.End.Line, $"not valid YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // Some unterminated flow collections trip the parser's own state checks instead of raising a
            // YamlException; the last event it produced is the best available position.
            var line = (int)(parser.Current?.End.Line ?? 0);
            errors.Add(line, "not valid YAML near this line; look for an unclosed [ ], { } or quote");
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                errors.Add(0, "the plan is empty");
                return null;
            case > 1:
                errors.Add(stream.Documents[1].RootNode, "the plan must be a single YAML document");
                return null;
            default:
                return YamlMap.From(stream.Documents[0].RootNode, "the plan", errors);
        }
    }

    /// <summary>An omitted default is empty: a report that names no severity needs triage instead of a silent guess.</summary>
    private static string ReadDefaultSeverity(
        YamlMap root, IReadOnlySet<string> declared, PlanErrorList errors)
    {
        var id = root.Text("defaultSeverity");
        if (id is null)
            return "";
        if (declared.Contains(id))
            return id.ToLowerInvariant();
        errors.Add(root.Get("defaultSeverity")!, $"defaultSeverity '{id}' is not a severity of this plan");
        return "";
    }
}
