using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Sla.SlaTimes;

namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

/// <summary>
/// Resolve, RCA and all-at-once deadlines on the standard plan in Asia/Kolkata: sev1 calendar
/// (resolve 4h, RCA 5d), sev2 without RCA, sev3 business hours (resolve 3d = 72 counted hours).
/// </summary>
public class SlaCalculatorResolutionTests
{
    private static readonly ResponsePlan Plan = TestPlans.Standard();
    private static readonly SeverityPlan Sev1 = Plan.Severity("sev1");
    private static readonly SeverityPlan Sev2 = Plan.Severity("sev2");
    private static readonly SeverityPlan Sev3 = Plan.Severity("sev3");
    private static readonly EscalationLevel FirstLevel = Plan.Escalation.Level(1);

    private readonly SlaCalculator _calculator = new(Plan);

    [Fact]
    public void ResolveBy_OnCalendarClock_RunsThroughTheNight()
    {
        var due = _calculator.ResolveBy(Sev1, Ist(3, 4, 22));

        due.Should().Be(Ist(3, 5, 2));
    }

    [Fact]
    public void ResolveBy_OnBusinessClock_CountsEightWorkingDays()
    {
        var due = _calculator.ResolveBy(Sev3, Ist(3, 3, 9));

        due.Should().Be(Ist(3, 12, 18));
    }

    [Fact]
    public void ResolveWarningAt_OnCalendarClock_IsThreeQuartersOfTheWindow()
    {
        var warning = _calculator.ResolveWarningAt(Sev1, Ist(3, 4, 10));

        warning.Should().Be(Ist(3, 4, 13));
    }

    [Fact]
    public void ResolveWarningAt_OnBusinessClock_IsThreeQuartersOfCountedTime()
    {
        var warning = _calculator.ResolveWarningAt(Sev3, Ist(3, 4, 13));

        warning.Should().Be(Ist(3, 12, 13)); // 54h: 5 + 27 + 9 + 9 + 4
    }

    [Fact]
    public void RcaDueBy_WhenRequired_CountsCalendarDays()
    {
        var due = _calculator.RcaDueBy(Sev1, Ist(3, 7, 16));

        due.Should().Be(Ist(3, 12, 16));
    }

    [Fact]
    public void RcaDueBy_WhenNotRequired_IsNull()
    {
        var due = _calculator.RcaDueBy(Sev2, Ist(3, 7, 16));

        due.Should().BeNull();
    }

    [Fact]
    public void Compute_ReturnsEveryDeadlineInUtc()
    {
        var deadlines = _calculator.Compute(Sev1, FirstLevel, Ist(3, 4, 10), Ist(3, 4, 10, 1), Ist(3, 4, 10, 5));

        deadlines.Should().Be(new SlaDeadlines(Utc(3, 4, 4, 46), Utc(3, 4, 5, 5), Utc(3, 4, 8, 30), null));
        deadlines.AcknowledgeBy.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Compute_WhenResponderAsksForALaterUpdate_UsesTheRequest()
    {
        var deadlines = _calculator.Compute(Sev1, FirstLevel, Ist(3, 4, 10), Ist(3, 4, 10), Ist(3, 4, 10), TimeSpan.FromMinutes(45));

        deadlines.NextUpdateBy.Should().Be(Ist(3, 4, 10, 45));
    }
}
