using Jivrus.IncidentBot.Bot.Commands;
using static Jivrus.IncidentBot.Bot.Tests.Commands.Parsing;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_Bare_HasNoTitleSoTheFormOpens() =>
        Incident("report").Should().Be(new ReportCommand(null, null, null));

    [Fact]
    public void Report_TitleOnly_IsTrimmed() =>
        Incident("report   Checkout is down  ").Should().Be(new ReportCommand("Checkout is down", null, null));

    [Theory]
    [InlineData("report Checkout is down sev1")]
    [InlineData("report sev1 Checkout is down")]
    [InlineData("report Checkout is down Sev-1")]
    [InlineData("report Checkout is down SEV1")]
    public void Report_SeverityFirstOrLast_IsTakenOutOfTheTitle(string text) =>
        Incident(text).Should().Be(new ReportCommand("Checkout is down", "sev1", null));

    [Theory]
    [InlineData("report Checkout is down sev 1")]
    [InlineData("report SEV 1 Checkout is down")]
    [InlineData("report Checkout is sev 1 down")]
    public void Report_SevAndNumberAsTwoWords_IsTakenOutOfTheTitle(string text) =>
        Incident(text).Should().Be(new ReportCommand("Checkout is down", "sev1", null));

    [Fact]
    public void Report_SevAsTheLastWord_StaysInTheTitle() =>
        Incident("report Checkout shows sev").Should().Be(new ReportCommand("Checkout shows sev", null, null));

    [Fact]
    public void Report_SevNAndSevNAsTwoWordsDiffering_IsAnError() =>
        IncidentError("report sev1 DB down sev 2").Should().Be("Give one severity, not both sev1 and sev2.");

    [Fact]
    public void Report_NamesAndPriorities_StayInTheTitleForThePlanToRead() =>
        Incident("report P1 checkout down critical").Should().Be(new ReportCommand("P1 checkout down critical", null, null));

    [Fact]
    public void Report_SeverityInTheMiddle_JoinsTheTitleWithOneSpace() =>
        Incident("report Checkout sev2 is down").Should().Be(new ReportCommand("Checkout is down", "sev2", null));

    [Fact]
    public void Report_SeverityInsideAWord_StaysInTheTitle() =>
        Incident("report sev1ish outage").Should().Be(new ReportCommand("sev1ish outage", null, null));

    [Fact]
    public void Report_ImpactClause_RunsToTheEnd() =>
        Incident("report DB down sev2 impact: all EU customers, sev1 soon")
            .Should().Be(new ReportCommand("DB down", "sev2", "all EU customers, sev1 soon"));

    [Fact]
    public void Report_ImpactGluedToText_IsRead() =>
        Incident("report DB down Impact:logins fail").Should().Be(new ReportCommand("DB down", null, "logins fail"));

    [Fact]
    public void Report_OnlySeverity_OpensTheFormPrefilled() =>
        Incident("report sev3").Should().Be(new ReportCommand(null, "sev3", null));

    [Fact]
    public void Report_TwoDifferentSeverities_IsAnError() =>
        IncidentError("report sev1 DB down sev2").Should().Be("Give one severity, not both sev1 and sev2.");

    [Fact]
    public void Report_TitleWithLineBreaks_BecomesOneLine() =>
        Incident("report DB\n  down").Should().Be(new ReportCommand("DB down", null, null));

    [Fact]
    public void Report_TitleOf150Characters_IsAccepted() =>
        Incident("report " + new string('a', 150)).Should().BeOfType<ReportCommand>().Which.Title.Should().HaveLength(150);

    [Fact]
    public void Report_TitleOf151Characters_IsTooLong() =>
        IncidentError("report " + new string('a', 151)).Should().Be("Title is too long (151 characters; at most 150)");

    [Fact]
    public void Report_SlackEscapes_AreDecoded() =>
        Incident("report R&amp;D &lt;api&gt; down impact: a &amp;&amp; b")
            .Should().Be(new ReportCommand("R&D <api> down", null, "a && b"));

    [Theory]
    [InlineData("new")]
    [InlineData("REPORT")]
    [InlineData("declare")]
    public void Report_Aliases_AreRecognised(string word) =>
        Incident($"{word} API down").Should().Be(new ReportCommand("API down", null, null));
}
