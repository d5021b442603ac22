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
}
