namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// One parsed chat command, the same whichever channel it came from. An <c>IncidentNumber</c> of
/// <c>null</c> means the user left the id out; the caller fills it from the incident's own channel or thread.
/// </summary>
public abstract record IncidentCommand;
