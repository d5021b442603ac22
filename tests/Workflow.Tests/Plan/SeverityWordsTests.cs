using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Tests.Support;

namespace Jivrus.IncidentBot.Workflow.Tests.Plan;

public sealed class SeverityWordsTests
{
    internal static ResponsePlan PlanWithAliases()
    {
        var standard = TestPlans.Standard();
        string[][] aliases = [["outage", "down", "breach", "data loss"], ["degraded", "broken"], ["slow"], ["cosmetic", "typo"]];
        return standard with
        {
            Severities = standard.Severities.Select((s, i) => s with { Aliases = aliases[i] }).ToList(),
            DefaultSeverity = "",
        };
    }

    private static (string? Id, string? Word, string Text) Read(string text)
    {
        var reading = SeverityWords.Read(PlanWithAliases(), text);
        reading.Problem.Should().BeNull();
        return (reading.Severity?.Id, reading.Word, reading.Text);
    }

    [Theory]
    [InlineData("Checkout fails sev1", "sev1", "sev1", "Checkout fails")]
    [InlineData("SEV-2 checkout fails", "sev2", "SEV-2", "checkout fails")]
    [InlineData("Checkout fails sev 1", "sev1", "sev 1", "Checkout fails")]
    [InlineData("Checkout fails, Sev2.", "sev2", "Sev2", "Checkout fails, .")]
    public void Read_WithExplicitToken_DecidesAndLeavesTheTitle(string text, string id, string word, string rest)
    {
        Read(text).Should().Be((id, word, rest));
    }

    [Theory]
    [InlineData("Checkout fails P1", "sev1", "P1", "Checkout fails")]
    [InlineData("s2 checkout fails", "sev2", "s2", "checkout fails")]
    public void Read_WithShortToken_DecidesAndLeavesTheTitle(string text, string id, string word, string rest)
    {
        Read(text).Should().Be((id, word, rest));
    }

    [Theory]
    [InlineData("Checkout down critical", "sev1", "down")]
    [InlineData("Checkout Critical severity", "sev1", "Critical")]
    [InlineData("Checkout security breach", "sev1", "breach")]
    [InlineData("Possible DATA   LOSS in exports", "sev1", "DATA   LOSS")]
    [InlineData("Search is slow", "sev3", "slow")]
    [InlineData("Typo on the pricing page", "sev4", "Typo")]
    public void Read_WithNameOrAlias_DecidesAndKeepsTheTitle(string text, string id, string word)
    {
        Read(text).Should().Be((id, word, text));
    }

    [Fact]
    public void Read_WhenSeveralSeveritiesAreNamed_TheMostUrgentWins()
    {
        Read("AWS S3 is down").Should().Be(("sev1", "down", "AWS S3 is down"));
    }

    [Fact]
    public void Read_WhenALessUrgentWordComesFirst_StillTakesTheMostUrgent()
    {
        Read("Slow and then broken checkout").Should().Be(("sev2", "broken", "Slow and then broken checkout"));
    }

    [Theory]
    [InlineData("Download page shows old logo")]
    [InlineData("Breakdown of invoices is wrong")]
    [InlineData("Slowness report export")]
    [InlineData("Seven servers restarted after sev-eral tries")]
    [InlineData("P9 pipeline has stale data")]
    [InlineData("Severity of the typos_list job")]
    public void Read_WithWordsInsideOtherWords_NamesNothing(string text)
    {
        Read(text).Should().Be((null, null, text));
    }

    [Fact]
    public void Read_WithTwoDifferentExplicitTokens_IsAProblem()
    {
        var reading = SeverityWords.Read(PlanWithAliases(), "sev1 checkout fails sev 3");

        reading.Severity.Should().BeNull();
        reading.Problem.Should().Be("Give one severity, not both sev1 and sev3.");
    }

    [Fact]
    public void Read_WithTheSameExplicitTokenTwice_TakesItOnce()
    {
        Read("sev2 checkout fails SEV-2").Should().Be(("sev2", "sev2", "checkout fails"));
    }

    [Fact]
    public void Read_WithAnExplicitTokenTheplanLacks_IsAProblem()
    {
        var reading = SeverityWords.Read(PlanWithAliases(), "checkout fails sev7");

        reading.Problem.Should().Be("There is no severity 'sev7'. Use one of sev1, sev2, sev3, sev4.");
    }

    [Fact]
    public void Read_WithExplicitTokenAndAMoreUrgentAlias_TheReporterChoiceWins()
    {
        Read("Staging is down sev3").Should().Be(("sev3", "sev3", "Staging is down"));
    }

    [Theory]
    [InlineData("critical", "sev1")]
    [InlineData("Data Loss", "sev1")]
    [InlineData("P2", "sev2")]
    [InlineData("sev 3", "sev3")]
    [InlineData("4", "sev4")]
    [InlineData("cosmetic", "sev4")]
    public void Find_WithOneWord_NamesTheSeverity(string word, string id)
    {
        SeverityWords.Find(PlanWithAliases(), word)!.Id.Should().Be(id);
    }

    [Theory]
    [InlineData("urgentish")]
    [InlineData("sev9")]
    [InlineData("")]
    public void Find_WithAnUnknownWord_IsNull(string word)
    {
        SeverityWords.Find(PlanWithAliases(), word).Should().BeNull();
    }
}
