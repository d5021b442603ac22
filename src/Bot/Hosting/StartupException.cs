namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>A setting or file that stops the bot from starting, with a sentence a person can act on.</summary>
internal sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
