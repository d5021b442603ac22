namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// <c>/incident report</c>, or <c>/incident drill</c> when <see cref="Drill"/>. <see cref="Title"/> is null when the user
/// gave none: open the report form (pre-filled with any severity or impact given). <see cref="Private"/>: the word
/// <c>private</c> stood among the title's words.
/// </summary>
public sealed record ReportCommand(string? Title, string? Severity, string? Impact, bool Private = false, bool Drill = false) : IncidentCommand;
