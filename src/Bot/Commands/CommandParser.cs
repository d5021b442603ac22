namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>
/// The one command grammar of every channel. Pure and total: any input, however broken, gives a
/// <see cref="ParseResult"/> with either a command or a line to show the user; it never throws.
/// </summary>
/// <remarks>
/// Ids: a first token after the sub-command that looks like an id (<c>INC-7</c>, <c>inc-7</c>, <c>#7</c>,
/// <c>7</c>) is the incident id — also for free-text commands, so <c>/incident resolve 7 fixed</c> resolves
/// INC-7 with resolution "fixed". Otherwise the id is null and the caller takes it from the channel.
/// </remarks>
public static class CommandParser
{
    /// <summary>Longer input is refused: no real command is this long, and parsing stays cheap under abuse.</summary>
    public const int MaxLength = 4000;

    /// <summary>Returned only if the parser itself is broken; tests assert it never appears.</summary>
    internal const string InternalError = "Sorry, I could not read that command. Try /incident help.";

    /// <summary>A slash command: <paramref name="command"/> is <c>/incident</c>, <c>/escalate</c>, <c>/ticket</c> or <c>/oncall</c> (slash and case optional).</summary>
    public static ParseResult Parse(string command, string? text)
    {
        try
        {
            command ??= "";
            text ??= "";
            if (command.Length + text.Length > MaxLength)
                return TooLong(command.Length + text.Length);
            return Route(command.Trim(), Arguments.Of(text), fallBackToSubCommand: false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug here must cost the user a usage line, not the turn; the fuzz test keeps this branch cold.
            return ParseResult.Failure(InternalError);
        }
    }

    /// <summary>
    /// A whole chat line (<c>/incident ack 7</c>, <c>incident ack 7</c>, <c>escalate INC-3 no answer</c>, or just
    /// <c>ack 7</c>), with any leading bot mention already removed by the caller.
    /// </summary>
    public static ParseResult ParseLine(string? line)
    {
        try
        {
            line ??= "";
            if (line.Length > MaxLength)
                return TooLong(line.Length);
            var args = Arguments.Of(line);
            if (args.IsEmpty)
                return new HelpCommand(null);
            return Route(args[0].Text, args.Skip(1), fallBackToSubCommand: true, whole: args);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return ParseResult.Failure(InternalError);
        }
    }

    private static ParseResult Route(string command, Arguments rest, bool fallBackToSubCommand, Arguments whole = default)
    {
        switch (command.TrimStart('/').ToLowerInvariant())
        {
            case "incident" or "incidents" or "inc":
                return IncidentGrammar.Parse(rest);
            case "escalate":
                return IncidentGrammar.Escalate(rest);
            case "ticket" or "tickets":
                return TicketGrammar.Parse(rest);
            case "oncall" or "on-call":
                return OnCallGrammar.Parse(rest);
        }

        // In chat people skip the "incident": "@IncidentBot ack 7".
        if (fallBackToSubCommand && IncidentGrammar.IsSubCommand(command))
            return IncidentGrammar.Parse(whole);
        return Grammar.Unknown(command);
    }

    private static ParseResult TooLong(int length) =>
        ParseResult.Failure($"That command is too long ({length} characters; at most {MaxLength}).");
}
