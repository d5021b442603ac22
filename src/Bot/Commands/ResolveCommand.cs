namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident resolve [INC-n] &lt;resolution&gt;</c>.</summary>
public sealed record ResolveCommand(int? IncidentNumber, string Resolution) : IncidentCommand;
