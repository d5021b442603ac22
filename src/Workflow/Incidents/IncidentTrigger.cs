namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>What can happen to an incident: people's commands and the plan's timers.</summary>
public enum IncidentTrigger
{
    Acknowledge,
    Escalate,
    PostUpdate,
    SnoozeUpdates,
    ChangeSeverity,
    Assign,
    Mitigate,
    Resolve,
    Reopen,
    Close,
    SubmitRca,
    WaiveRca,
    Cancel,

    // Timer triggers: fired by the agenda when a deadline of the plan passes.
    AckReminder,
    AckTimeout,
    UpdateDue,
    ResolveWarning,
    ResolveBreach,
    RcaReminder,
    RcaDue,
}
