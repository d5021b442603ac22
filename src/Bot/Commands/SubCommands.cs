using System.Collections.Frozen;

namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Canonical names of the <c>/incident</c> sub-commands and the aliases people type for them.</summary>
internal static class SubCommands
{
    public const string Report = "report";
    public const string Ack = "ack";
    public const string Update = "update";
    public const string Sev = "sev";
    public const string Assign = "assign";
    public const string Mitigate = "mitigate";
    public const string Resolve = "resolve";
    public const string Close = "close";
    public const string Rca = "rca";

    /// <summary>Not a word of its own: the help and usage key of <c>rca waive</c>.</summary>
    public const string RcaWaive = "rca waive";
    public const string Cancel = "cancel";
    public const string Reopen = "reopen";
    public const string Show = "show";
    public const string Timeline = "timeline";
    public const string Postmortem = "postmortem";
    public const string List = "list";
    public const string Summary = "summary";
    public const string OnCall = "oncall";
    public const string Help = "help";
    public const string Escalate = "escalate";
    public const string Link = "link";
    public const string Ticket = "ticket";
    public const string Action = "action";
    public const string Actions = "actions";
    public const string Drill = "drill";
    public const string Private = "private";
    public const string Public = "public";

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        [Report] = Report,
        ["new"] = Report,
        ["declare"] = Report,
        ["raise"] = Report,
        ["open"] = Report,
        [Ack] = Ack,
        ["acknowledge"] = Ack,
        ["acknowledged"] = Ack,
        [Update] = Update,
        ["upd"] = Update,
        [Sev] = Sev,
        ["severity"] = Sev,
        [Assign] = Assign,
        ["owner"] = Assign,
        [Mitigate] = Mitigate,
        ["mitigated"] = Mitigate,
        [Resolve] = Resolve,
        ["resolved"] = Resolve,
        [Close] = Close,
        ["closed"] = Close,
        [Rca] = Rca,
        [Cancel] = Cancel,
        ["cancelled"] = Cancel,
        ["canceled"] = Cancel,
        [Reopen] = Reopen,
        [Show] = Show,
        ["status"] = Show,
        ["info"] = Show,
        ["view"] = Show,
        [Timeline] = Timeline,
        ["log"] = Timeline,
        ["history"] = Timeline,
        [Postmortem] = Postmortem,
        ["post-mortem"] = Postmortem,
        [List] = List,
        ["ls"] = List,
        [Summary] = Summary,
        ["stats"] = Summary,
        [OnCall] = OnCall,
        ["on-call"] = OnCall,
        ["who"] = OnCall,
        [Help] = Help,
        ["?"] = Help,
        [Escalate] = Escalate,
        ["esc"] = Escalate,
        ["page"] = Escalate,
        [Link] = Link,
        [Ticket] = Ticket,
        ["tickets"] = Ticket,
        [Action] = Action,
        [Actions] = Actions,
        [Drill] = Drill,
        ["practice"] = Drill,
        [Private] = Private,
        [Public] = Public,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical name for a word as typed (any case, leading slash allowed), or null.</summary>
    public static string? Canonical(string word) =>
        Aliases.GetValueOrDefault(word.TrimStart('/'));
}
