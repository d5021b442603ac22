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

    // Ticket timers live in the same table under incident number -ticketId (see TicketTimers).
    // Names stay within the 20 characters of the kind column.

    /// <summary>A watched ticket's first response is due soon; reminds the support channel.</summary>
    TicketRespondWarning,

    /// <summary>A watched ticket's first-response deadline passed: escalate along the ladder.</summary>
    TicketRespondBreach,

    /// <summary>A watched ticket's resolution is due soon; reminds the support channel.</summary>
    TicketResolveWarning,

    /// <summary>A watched ticket's resolution deadline passed: escalate along the ladder.</summary>
    TicketResolveBreach,

    /// <summary>A breached ticket waited a further window at its level: climb one more.</summary>
    TicketClimb,

    /// <summary>A corrective action is due soon: remind its owner, with a Done button.</summary>
    ActionReminder,

    /// <summary>A corrective action's due date passed while it is open: nudge its owner once.</summary>
    ActionOverdue,

    /// <summary>A rotation changes hands (a shift ends, an override starts or ends): tell the people and the support channel.</summary>
    Handoff,
}
