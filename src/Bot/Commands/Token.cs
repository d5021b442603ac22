namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>A word of the command and where it sits, so free text can be cut from the source unchanged.</summary>
internal readonly record struct Token(string Text, int Start, int End);
