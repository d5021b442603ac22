namespace Jivrus.IncidentBot.Workflow.Agenda;

/// <summary>The deadlines of the plan that become timers.</summary>
public enum TimerKind
{
    AckReminder,
    AckTimeout,
    UpdateDue,
    ResolveWarning,
    ResolveBreach,
    RcaReminder,
    RcaDue,

    /// <summary>The daily summary to management; not tied to an incident (incident number 0).</summary>
    SummaryDaily,

    /// <summary>The weekly summary to management; not tied to an incident (incident number 0).</summary>
    SummaryWeekly,
}
