using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class RobustnessTests
{
    [Fact]
    public void Parse_NullCommandAndText_IsUnknownNotAThrow() =>
        Error(CommandParser.Parse(null!, null)).Should().StartWith("Unknown command");

    [Fact]
    public void Parse_TextOverTheCap_IsRefusedClearly() =>
        Error(CommandParser.Parse("/incident", "update " + new string('x', 4000)))
            .Should().Be("That command is too long (4016 characters; at most 4000).");

    [Fact]
    public void ParseLine_LineOverTheCap_IsRefusedClearly() =>
        Error(CommandParser.ParseLine(new string('a', 4001))).Should().Contain("too long");

    [Fact]
    public void Parse_ControlCharacters_SeparateWords() =>
        Incident("ack\u0000INC-7").Should().Be(new AcknowledgeCommand(7));

    [Fact]
    public void Parse_Unicode_IsKeptInText() =>
        Incident("resolve 7 重启了服务 ✅ 🎉").Should().Be(new ResolveCommand(7, "重启了服务 ✅ 🎉"));

    [Fact]
    public void Parse_UnknownWordEcho_IsShortAndOneLine() =>
        IncidentError(new string('z', 500)).Should().Be($"Unknown command '{new string('z', 29)}…'. Try /incident help.");

    [Fact]
    public void Parse_UnclosedAngleBracket_IsPlainText() =>
        Incident("update <@U1 is looking").Should().Be(new UpdateCommand(null, "<@U1 is looking", null, null));
}
