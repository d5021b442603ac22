namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary><c>/incident help [topic]</c>; <see cref="Topic"/> is a canonical sub-command name when it names one.</summary>
public sealed record HelpCommand(string? Topic) : IncidentCommand;
