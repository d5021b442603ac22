namespace Jivrus.IncidentBot.Workflow.Agenda;

/// <summary>What a timer row is for; with <see cref="IncidentTimer.SubjectId"/> it names the thing the timer changes.</summary>
public enum TimerSubject
{
    /// <summary>An incident; the subject id is its number.</summary>
    Incident,

    /// <summary>A watched Freshdesk ticket; the subject id is the ticket id (64-bit, as Freshdesk's are).</summary>
    Ticket,

    /// <summary>A daily or weekly summary to management; the subject id is 0.</summary>
    Summary,

    /// <summary>A corrective action of an incident; the subject id is the action's row id.</summary>
    Action,

    /// <summary>The next on-call handoff of any rotation (<see cref="TimerKind.Handoff"/>); the subject id is 0.</summary>
    OnCall,
}
