using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class ParseLineTests
{
    [Theory]
    [InlineData("/incident ack 7")]
    [InlineData("incident ack 7")]
    [InlineData("Incident ACK INC-7")]
    [InlineData("  ack #7  ")]
    public void ParseLine_AckInAnyForm_IsAcknowledge(string line) =>
        Command(CommandParser.ParseLine(line)).Should().Be(new AcknowledgeCommand(7));

    [Fact]
    public void ParseLine_Escalate_IsEscalate() =>
        Command(CommandParser.ParseLine("escalate INC-3 no answer")).Should().Be(new EscalateCommand(3, "no answer"));

    [Fact]
    public void ParseLine_Ticket_IsTicket() =>
        Command(CommandParser.ParseLine("/ticket incident 42 sev1")).Should().Be(new TicketPromoteCommand(42, "sev1"));

    [Fact]
    public void ParseLine_Report_KeepsTheClauses() =>
        Command(CommandParser.ParseLine("incident report API down sev2 impact: EU"))
            .Should().Be(new ReportCommand("API down", "sev2", "EU"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void ParseLine_Empty_IsHelp(string? line) =>
        Command(CommandParser.ParseLine(line)).Should().Be(new HelpCommand(null));

    [Fact]
    public void ParseLine_Chatter_IsUnknown() =>
        Error(CommandParser.ParseLine("hello there")).Should().Be("Unknown command 'hello'. Try /incident help.");

    [Fact]
    public void ParseLine_SameGrammarAsSlashCommand() =>
        CommandParser.ParseLine("incident update 7 rolling back next 30m")
            .Should().Be(CommandParser.Parse("/incident", "update 7 rolling back next 30m"));
}
