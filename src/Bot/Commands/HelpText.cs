namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>What users see with <c>/incident help</c>, and the usage line shown when a command does not parse.</summary>
public static class HelpText
{
    private static readonly (string Name, string Syntax, string Description)[] Entries =
    [
        (SubCommands.Report, "/incident report <title> [sev1..sev4|name] [private] [impact: <text>]", "report an incident (words like outage or sev2 in the title set the severity; the word private keeps it out of the announce channel and shows it only to the people paged, the reporter, the commander and managers); without a title, open the form"),
        (SubCommands.Drill, "/incident drill <title> [sevN]", "start a practice incident: marked [DRILL] everywhere, nothing in the announce channel, the ladder and timers run as for real, left out of MTTA, MTTR and SLA figures"),
        (SubCommands.Ack, "/incident ack [INC-n]", "acknowledge: you are on it, the escalation stops"),
        (SubCommands.Update, "/incident update [INC-n] <text> [next <duration>] [eta <duration|HH:mm>]", "post a status update; next = when the next one comes (45m, 2 hours), eta = expected fix (2h, or a time of day such as 17:30); the text may be left out"),
        (SubCommands.Sev, "/incident sev [INC-n] <sevN|name>", "change the severity, or pick one for an incident that needs triage"),
        (SubCommands.Assign, "/incident assign [INC-n] <@person>", "make someone the commander: their plan id or name (fay, @fay) or a chat mention"),
        (SubCommands.Mitigate, "/incident mitigate [INC-n] <note>", "impact is contained; say how"),
        (SubCommands.Resolve, "/incident resolve [INC-n] <resolution>", "service is restored; say what fixed it"),
        (SubCommands.Close, "/incident close [INC-n]", "close a resolved incident (critical ones need an RCA first)"),
        (SubCommands.Rca, "/incident rca [INC-n] <root cause> [actions: <text>]", "record the root-cause analysis; actions are split at new lines or ';', each may say owner @person and due 5d or due YYYY-MM-DD"),
        ("action add", "/incident action add [INC-n] <text> owner <@person> [due <duration|YYYY-MM-DD>]", "add a corrective action; its owner is reminded a day before it is due and nudged when overdue"),
        ("action set", "/incident action set [INC-n] <k> [owner <@person>] [due <duration|YYYY-MM-DD>]", "give action #k an owner or a due date (a critical incident closes only when every action has both)"),
        ("action done", "/incident action done [INC-n] <k>", "mark action #k done (its owner, or anyone who may change the incident)"),
        ("action drop", "/incident action drop [INC-n] <k> <reason>", "drop action #k, saying why"),
        (SubCommands.Actions, "/incident actions [INC-n|mine|overdue]", "corrective actions of an incident, yours, or every overdue one"),
        (SubCommands.RcaWaive, "/incident rca waive [INC-n] <reason>", "managers only: close without an RCA, saying why"),
        (SubCommands.Cancel, "/incident cancel [INC-n] <reason>", "cancel a false alarm or a duplicate"),
        (SubCommands.Reopen, "/incident reopen [INC-n]", "reopen a resolved incident"),
        (SubCommands.Private, "/incident private [INC-n]", "managers only: make the incident private from now on (posts already made stay where they are)"),
        (SubCommands.Public, "/incident public [INC-n]", "managers only: make a private incident public; its card goes to the announce channel"),
        (SubCommands.Show, "/incident show [INC-n]", "show the incident card"),
        (SubCommands.Timeline, "/incident timeline [INC-n]", "everything that happened, in order"),
        (SubCommands.Postmortem, "/incident postmortem [INC-n]", "a link to the post-mortem in Markdown: summary, times against the SLA, timeline, RCA, actions, linked tickets; the link works for a limited time (7 days unless configured)"),
        (SubCommands.List, "/incident list [open|mine|closed|drills] [sevN]", "open incidents, most urgent first (yours, or of one severity), the most recently closed, or the open drills (the other open lists leave drills out)"),
        (SubCommands.Summary, "/incident summary [day|week]", "counts, MTTA, MTTR, SLA compliance, pending RCAs"),
        (SubCommands.OnCall, "/oncall [rotation]", "who is on call now on each level (overrides marked) and the next handoffs; with a rotation, its next turns"),
        ("oncall override", "/oncall override <rotation> <@person> <duration|until YYYY-MM-DD HH:mm>", "hand a rotation to someone from now (the person on call or a manager; anyone may take it for themself)"),
        ("oncall overrides", "/oncall overrides", "the on-call overrides in force"),
        ("oncall cancel", "/oncall cancel <override id>", "cancel an override (its maker, the person it names, or a manager)"),
        (SubCommands.Help, "/incident help [command]", "this list, or one command in detail"),
        (SubCommands.Escalate, "/escalate [INC-n] [reason]", "page the next level of the escalation ladder"),
        (SubCommands.Link, "/incident link [INC-n] ticket <id>", "link a Freshdesk ticket to the incident"),
        ("ticket show", "/ticket show <id>", "a Freshdesk ticket and its SLA"),
        ("ticket escalate", "/ticket escalate <id> [reason]", "escalate a ticket in chat"),
        ("ticket incident", "/ticket incident <id> [sevN]", "promote a ticket to an incident"),
    ];

    private const string IdNote =
        "INC-n may be written INC-7, #7 or 7, and left out in the incident's own channel or thread. "
        + "A number right after the command is always the id: `/incident resolve 7 fixed` resolves INC-7.";

    private const string DurationNote = "Durations: a number and a unit, e.g. 30s, 15m, 4h, 2d.";

    /// <summary>Every command on one line with a short description.</summary>
    public static string All { get; } =
        "IncidentBot commands:\n"
        + string.Join('\n', Entries.Select(e => $"`{e.Syntax}` — {e.Description}"))
        + "\n" + IdNote;

    /// <summary>
    /// Usage and description of one sub-command, by any of its names (<c>ack</c>, <c>acknowledge</c>,
    /// <c>ticket</c>, <c>ticket escalate</c>); <see cref="All"/> for anything else.
    /// </summary>
    public static string For(string? subCommand)
    {
        var key = Key(subCommand);
        var found = Entries.Where(e => e.Name == key || e.Name.StartsWith(key + " ", StringComparison.Ordinal)).ToList();
        if (found.Count == 0)
            return All;
        var text = string.Join('\n', found.Select(e => $"Usage: {e.Syntax} — {e.Description}"));
        if (found.Exists(e => e.Syntax.Contains("[INC-n]", StringComparison.Ordinal)))
            text += "\n" + IdNote;
        if (key == SubCommands.Update)
            text += "\n" + DurationNote;
        return text;
    }

    /// <summary>The short line shown when a command does not parse: <c>Usage: /incident ack [INC-n]</c>.</summary>
    internal static string Usage(string name)
    {
        var found = Entries.Where(e => e.Name == name || e.Name.StartsWith(name + " ", StringComparison.Ordinal)).Select(e => e.Syntax);
        return "Usage: " + string.Join(" | ", found);
    }

    /// <summary>Canonical help topic: <c>"Acknowledge"</c> → <c>ack</c>, <c>"/ticket Promote"</c> → <c>ticket incident</c>.</summary>
    internal static string Key(string? topic)
    {
        var words = (topic ?? "").Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return "";
        var first = words[0].TrimStart('/');
        if (first.Equals("incident", StringComparison.OrdinalIgnoreCase) && words.Length > 1)
            return Key(string.Join(' ', words[1..]));
        var name = SubCommands.Canonical(first) ?? first.ToLowerInvariant();
        if (name == SubCommands.Ticket && words.Length > 1 && TicketGrammar.Canonical(words[1]) is { } sub)
            return $"{SubCommands.Ticket} {sub}";
        return name;
    }
}
