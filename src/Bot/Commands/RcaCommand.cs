namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident rca [INC-n] &lt;root cause&gt; [actions: &lt;text&gt;]</c>.</summary>
public sealed record RcaCommand(int? IncidentNumber, string RootCause, string? Actions) : IncidentCommand;
