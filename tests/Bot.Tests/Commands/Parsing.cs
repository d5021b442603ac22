using Jivrus.IncidentBot.Bot.Commands;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

/// <summary>Shorthands so each test reads as the command a user types and what it means.</summary>
internal static class Parsing
{
    public static IncidentCommand Incident(string text) => Command(CommandParser.Parse("/incident", text));

    public static string IncidentError(string text) => Error(CommandParser.Parse("/incident", text));

    public static IncidentCommand Command(ParseResult result)
    {
        result.Error.Should().BeNull();
        result.Ok.Should().BeTrue();
        return result.Command!;
    }

    public static string Error(ParseResult result)
    {
        result.Command.Should().BeNull();
        result.Ok.Should().BeFalse();
        return result.Error!;
    }
}
