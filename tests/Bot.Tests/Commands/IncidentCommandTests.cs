using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class IncidentCommandTests
{
    [Theory]
    [InlineData("ack", null)]
    [InlineData("ack INC-7", 7)]
    [InlineData("acknowledge #7", 7)]
    [InlineData("ACK inc-12", 12)]
    public void Ack_WithOrWithoutId_IsAcknowledge(string text, int? id) =>
        Incident(text).Should().Be(new AcknowledgeCommand(id));

    [Fact]
    public void Ack_WithTrailingWords_IsTheUsageLine() =>
        IncidentError("ack 7 thanks").Should().Be("Usage: /incident ack [INC-n]");

    [Theory]
    [InlineData("close", null)]
    [InlineData("close INC-3", 3)]
    public void Close_WithOrWithoutId_IsClose(string text, int? id) =>
        Incident(text).Should().Be(new CloseCommand(id));

    [Fact]
    public void Reopen_WithId_IsReopen() => Incident("reopen #4").Should().Be(new ReopenCommand(4));

    [Theory]
    [InlineData("show")]
    [InlineData("status")]
    public void Show_AndStatusAlias_AreShow(string text) => Incident(text).Should().Be(new ShowCommand(null));

    [Theory]
    [InlineData("timeline 9")]
    [InlineData("log INC-9")]
    public void Timeline_AndLogAlias_AreTimeline(string text) => Incident(text).Should().Be(new TimelineCommand(9));

    [Theory]
    [InlineData("postmortem INC-9")]
    [InlineData("post-mortem #9")]
    [InlineData("Postmortem 9")]
    public void Postmortem_AndItsHyphenatedSpelling_ArePostmortem(string text) => Incident(text).Should().Be(new PostmortemCommand(9));

    [Fact]
    public void Postmortem_WithoutId_LeavesTheIdToTheChannel() => Incident("postmortem").Should().Be(new PostmortemCommand(null));

    [Fact]
    public void Postmortem_WithWordsAfterTheId_ShowsItsUsage() =>
        IncidentError("postmortem INC-9 please").Should().Be("Usage: /incident postmortem [INC-n]");

    [Theory]
    [InlineData("sev sev2", null, "sev2")]
    [InlineData("sev INC-7 SEV1", 7, "sev1")]
    [InlineData("severity 7 sev-3", 7, "sev3")]
    [InlineData("sev 2", null, "sev2")]
    [InlineData("sev 7 2", 7, "sev2")]
    public void Sev_NormalisesTheSeverity(string text, int? id, string severity) =>
        Incident(text).Should().Be(new SeverityCommand(id, severity));

    [Theory]
    [InlineData("sev")]
    [InlineData("sev INC-7")]
    [InlineData("sev 7 one two three four")]
    public void Sev_WithoutASeverity_IsTheUsageLine(string text) =>
        IncidentError(text).Should().Be("Usage: /incident sev [INC-n] <sevN|name>");

    [Theory]
    [InlineData("sev high", null, "high")]
    [InlineData("sev INC-7 Critical", 7, "Critical")]
    [InlineData("sev 7 data loss", 7, "data loss")]
    [InlineData("sev 7 P1", 7, "P1")]
    [InlineData("sev sev0", null, "sev0")]
    public void Sev_WithAWord_LeavesItToThePlan(string text, int? id, string severity) =>
        Incident(text).Should().Be(new SeverityCommand(id, severity));

    [Theory]
    [InlineData("mitigate", "Usage: /incident mitigate [INC-n] <note>")]
    [InlineData("resolve INC-7", "Usage: /incident resolve [INC-n] <resolution>")]
    [InlineData("cancel   ", "Usage: /incident cancel [INC-n] <reason>")]
    [InlineData("rca 7 actions: add alerts", "Usage: /incident rca [INC-n] <root cause> [actions: <text>] | /incident rca waive [INC-n] <reason>")]
    public void TextCommands_WithoutText_AreTheUsageLine(string text, string usage) =>
        IncidentError(text).Should().Be(usage);

    [Fact]
    public void Mitigate_WithNote_KeepsTheNote() =>
        Incident("mitigate failed over to eu-west").Should().Be(new MitigateCommand(null, "failed over to eu-west"));

    [Fact]
    public void Resolve_LeadingBareNumber_IsTheId() =>
        Incident("resolve 7 fixed").Should().Be(new ResolveCommand(7, "fixed"));

    [Fact]
    public void Resolve_NumberLaterInText_StaysText() =>
        Incident("resolve rolled back 3 pods").Should().Be(new ResolveCommand(null, "rolled back 3 pods"));

    [Fact]
    public void Cancel_WithId_KeepsTheReason() =>
        Incident("cancel INC-8 duplicate of INC-7").Should().Be(new CancelCommand(8, "duplicate of INC-7"));

    [Fact]
    public void Rca_WithActions_SplitsAtTheClause() =>
        Incident("rca INC-2 cert expired actions: alert 30d before; automate renewal")
            .Should().Be(new RcaCommand(2, "cert expired", "alert 30d before; automate renewal"));

    [Fact]
    public void Rca_WithoutActions_HasNullActions() =>
        Incident("rca cert expired").Should().Be(new RcaCommand(null, "cert expired", null));

    [Fact]
    public void Rca_MultiLineRootCause_KeepsItsLineBreaks() =>
        Incident("rca 2 line one\nline two").Should().Be(new RcaCommand(2, "line one\nline two", null));

    [Theory]
    [InlineData("list", ListFilter.Open, null)]
    [InlineData("list open", ListFilter.Open, null)]
    [InlineData("list mine", ListFilter.Mine, null)]
    [InlineData("list sev1", ListFilter.Open, "sev1")]
    [InlineData("list mine SEV2", ListFilter.Mine, "sev2")]
    [InlineData("list closed", ListFilter.Closed, null)]
    public void List_Filters(string text, ListFilter filter, string? severity) =>
        Incident(text).Should().Be(new ListCommand(filter, severity));

    [Theory]
    [InlineData("list archived")]
    [InlineData("list closed sev1")]
    [InlineData("list mine closed")]
    public void List_UnknownFilterOrClosedNarrowed_IsTheUsageLine(string text) =>
        IncidentError(text).Should().Be("Usage: /incident list [open|mine|closed|drills] [sevN]");

    [Theory]
    [InlineData("summary", SummaryPeriod.Day)]
    [InlineData("summary day", SummaryPeriod.Day)]
    [InlineData("summary WEEK", SummaryPeriod.Week)]
    [InlineData("summary weekly", SummaryPeriod.Week)]
    public void Summary_Periods(string text, SummaryPeriod period) =>
        Incident(text).Should().Be(new SummaryCommand(period));

    [Fact]
    public void Summary_UnknownPeriod_IsTheUsageLine() =>
        IncidentError("summary month").Should().Be("Usage: /incident summary [day|week]");

    [Theory]
    [InlineData("oncall")]
    [InlineData("on-call")]
    public void OnCall_IsOnCall(string text) => Incident(text).Should().Be(new OnCallCommand());

    [Theory]
    [InlineData("escalate", null, null)]
    [InlineData("escalate INC-3 no answer", 3, "no answer")]
    [InlineData("escalate nobody answers", null, "nobody answers")]
    public void Escalate_InsideIncident_IsEscalate(string text, int? id, string? reason) =>
        Incident(text).Should().Be(new EscalateCommand(id, reason));

    [Theory]
    [InlineData("link ticket 42", null, 42L)]
    [InlineData("link INC-7 ticket #42", 7, 42L)]
    [InlineData("link 7 TICKET 9000000000", 7, 9_000_000_000L)]
    public void Link_Ticket(string text, int? id, long ticket) =>
        Incident(text).Should().Be(new LinkTicketCommand(id, ticket));

    [Theory]
    [InlineData("link 7 42")]
    [InlineData("link ticket abc")]
    [InlineData("link ticket")]
    public void Link_WithoutTicketKeywordOrId_IsTheUsageLine(string text) =>
        IncidentError(text).Should().Be("Usage: /incident link [INC-n] ticket <id>");

    [Fact]
    public void Incident_Empty_IsHelp() =>
        Command(CommandParser.Parse("/incident", null)).Should().Be(new HelpCommand(null));

    [Fact]
    public void Incident_UnknownSubCommand_SaysSoAndPointsToHelp() =>
        IncidentError("frobnicate 7").Should().Be("Unknown command 'frobnicate'. Try /incident help.");

    [Theory]
    [InlineData("incident")]
    [InlineData("INCIDENT")]
    [InlineData(" /Incident ")]
    public void Parse_CommandName_IsCaseAndSlashInsensitive(string command) =>
        Command(CommandParser.Parse(command, "ack 7")).Should().Be(new AcknowledgeCommand(7));

    [Fact]
    public void Parse_UnknownSlashCommand_SaysSo() =>
        Error(CommandParser.Parse("/deploy", "now")).Should().Be("Unknown command '/deploy'. Try /incident help.");
}
