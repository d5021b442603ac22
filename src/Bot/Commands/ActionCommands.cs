namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident action add [INC-n] &lt;text&gt; owner &lt;@person&gt; [due &lt;duration|YYYY-MM-DD&gt;]</c>.</summary>
public sealed record ActionAddCommand(int? IncidentNumber, string Text, PersonMention Owner, string? Due) : IncidentCommand;

/// <summary><c>/incident action set [INC-n] &lt;k&gt; [owner &lt;@person&gt;] [due &lt;duration|YYYY-MM-DD&gt;]</c>.</summary>
public sealed record ActionSetCommand(int? IncidentNumber, int Action, PersonMention? Owner, string? Due) : IncidentCommand;

/// <summary><c>/incident action done [INC-n] &lt;k&gt;</c>, and the Done button of an action's reminder.</summary>
public sealed record ActionDoneCommand(int? IncidentNumber, int Action) : IncidentCommand;

/// <summary><c>/incident action drop [INC-n] &lt;k&gt; &lt;reason&gt;</c>.</summary>
public sealed record ActionDropCommand(int? IncidentNumber, int Action, string Reason) : IncidentCommand;

/// <summary><c>/incident actions [INC-n|mine|overdue]</c>; bare, the actions of the incident whose channel it is, else the sender's.</summary>
public sealed record ActionsCommand(int? IncidentNumber, ActionsScope Scope) : IncidentCommand;

/// <summary>Which actions <c>/incident actions</c> lists.</summary>
public enum ActionsScope
{
    /// <summary>Every action of one incident, in order.</summary>
    Incident,

    /// <summary>The sender's open actions.</summary>
    Mine,

    /// <summary>Every overdue action.</summary>
    Overdue,
}
