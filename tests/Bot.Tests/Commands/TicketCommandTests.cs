using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class TicketCommandTests
{
    private static IncidentCommand Ticket(string text) => Command(CommandParser.Parse("/ticket", text));

    [Theory]
    [InlineData("show 42")]
    [InlineData("SHOW #42")]
    [InlineData("42")]
    public void Show_IsTicketShow(string text) => Ticket(text).Should().Be(new TicketShowCommand(42));

    [Theory]
    [InlineData("escalate 42", null)]
    [InlineData("escalate 42 customer is furious", "customer is furious")]
    public void Escalate_ReasonIsOptional(string text, string? reason) =>
        Ticket(text).Should().Be(new TicketEscalateCommand(42, reason));

    [Theory]
    [InlineData("incident 42", null)]
    [InlineData("incident 42 sev2", "sev2")]
    [InlineData("promote 42 SEV-1", "sev1")]
    public void Incident_PromotesTheTicket(string text, string? severity) =>
        Ticket(text).Should().Be(new TicketPromoteCommand(42, severity));

    [Theory]
    [InlineData("show", "Usage: /ticket show <id>")]
    [InlineData("show abc", "Usage: /ticket show <id>")]
    [InlineData("escalate", "Usage: /ticket escalate <id> [reason]")]
    [InlineData("incident 42 urgent", "Usage: /ticket incident <id> [sevN]")]
    [InlineData("", "Usage: /ticket show <id> | /ticket escalate <id> [reason] | /ticket incident <id> [sevN]")]
    public void Ticket_Incomplete_IsTheUsageLine(string text, string usage) =>
        Error(CommandParser.Parse("/ticket", text)).Should().Be(usage);

    [Fact]
    public void Ticket_UnknownSubCommand_SaysSo() =>
        Error(CommandParser.Parse("ticket", "close 42")).Should().Be("Unknown command 'close'. Try /incident help.");

    [Fact]
    public void Escalate_SlashCommand_TakesIdAndReason() =>
        Command(CommandParser.Parse("/escalate", "INC-3 no answer")).Should().Be(new EscalateCommand(3, "no answer"));

    [Fact]
    public void Escalate_SlashCommandEmpty_HasNeither() =>
        Command(CommandParser.Parse("/ESCALATE", "")).Should().Be(new EscalateCommand(null, null));
}
