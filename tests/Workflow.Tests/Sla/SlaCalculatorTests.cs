using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Sla;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.Sla.SlaTimes;

namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

/// <summary>
/// The standard plan in Asia/Kolkata: sev1 calendar (ack 15m, update 30m, resolve 4h, RCA 5d),
/// sev3 business hours (ack 4h, update 8h, resolve 3d = 72 counted hours); management acknowledges within 30m.
/// </summary>
public class SlaCalculatorTests
{
    private static readonly ResponsePlan Plan = TestPlans.Standard();
    private static readonly SeverityPlan Sev1 = Plan.Severity("sev1");
    private static readonly SeverityPlan Sev2 = Plan.Severity("sev2");
    private static readonly SeverityPlan Sev3 = Plan.Severity("sev3");
    private static readonly EscalationLevel FirstLevel = Plan.Escalation.Level(1);
    private static readonly EscalationLevel Management = Plan.Escalation.Level(3);

    private readonly SlaCalculator _calculator = new(Plan);

    [Fact]
    public void AcknowledgeBy_UsesTheSeverityWindow()
    {
        var due = _calculator.AcknowledgeBy(Sev1, FirstLevel, Ist(3, 4, 10));

        due.Should().Be(Ist(3, 4, 10, 15));
    }

    [Fact]
    public void AcknowledgeBy_WhenLevelHasItsOwnWindow_UsesTheLevelWindow()
    {
        var due = _calculator.AcknowledgeBy(Sev1, Management, Ist(3, 4, 10));

        due.Should().Be(Ist(3, 4, 10, 30));
    }

    [Fact]
    public void AcknowledgeBy_WhenSeverityUsesBusinessHours_SkipsTheWeekend()
    {
        var due = _calculator.AcknowledgeBy(Sev3, FirstLevel, Ist(3, 7, 16));

        due.Should().Be(Ist(3, 10, 11));
    }

    [Fact]
    public void AcknowledgeReminderAt_IsHalfTheLevelWindow()
    {
        var reminder = _calculator.AcknowledgeReminderAt(Sev1, Management, Ist(3, 4, 10));

        reminder.Should().Be(Ist(3, 4, 10, 15));
    }

    [Fact]
    public void AcknowledgeReminderAt_WhenSeverityUsesBusinessHours_IsHalfOfCountedTime()
    {
        var reminder = _calculator.AcknowledgeReminderAt(Sev3, FirstLevel, Ist(3, 7, 17));

        reminder.Should().Be(Ist(3, 10, 10)); // 1h on Friday, 1h on Monday
    }

    [Fact]
    public void NextUpdateBy_UsesUpdateEvery()
    {
        var due = _calculator.NextUpdateBy(Sev1, Ist(3, 4, 10));

        due.Should().Be(Ist(3, 4, 10, 30));
    }

    [Fact]
    public void NextUpdateBy_WhenResponderAsksForALaterUpdate_UsesTheRequest()
    {
        var due = _calculator.NextUpdateBy(Sev1, Ist(3, 4, 10), TimeSpan.FromMinutes(45));

        due.Should().Be(Ist(3, 4, 10, 45));
    }

    [Fact]
    public void NextUpdateBy_WhenSeverityUsesBusinessHours_CountsAcrossTheNight()
    {
        var due = _calculator.NextUpdateBy(Sev3, Ist(3, 4, 17));

        due.Should().Be(Ist(3, 5, 16));
    }

    [Fact]
    public void NextUpdateBy_WhenRequestIsNotPositive_Throws()
    {
        var act = () => _calculator.NextUpdateBy(Sev1, Ist(3, 4, 10), TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("requestedNext");
    }

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
