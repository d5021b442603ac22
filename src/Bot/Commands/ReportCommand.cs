namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident report</c>. <see cref="Title"/> is null when the user gave none: open the report form (pre-filled with any severity or impact given).</summary>
public sealed record ReportCommand(string? Title, string? Severity, string? Impact) : IncidentCommand;
