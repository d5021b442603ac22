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
}
