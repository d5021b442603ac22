using Jivrus.IncidentBot.Workflow.Plan;
using static Jivrus.IncidentBot.Workflow.Incidents.IncidentState;
using T = Jivrus.IncidentBot.Workflow.Incidents.IncidentTrigger;

namespace Jivrus.IncidentBot.Workflow.Incidents;

public sealed partial class Incident
{
    // One configuration serves a new incident and one loaded from storage; the state lives on the entity.
    private void Configure()
    {
        Machine.Configure(Open)
            .Permit(T.Resolve, Resolved)
            .InternalTransition(T.PostUpdate, Nothing)
            .InternalTransition(T.SnoozeUpdates, Nothing)
            .InternalTransition(T.ChangeSeverity, Nothing)
            .InternalTransition(T.Assign, Nothing)
            .InternalTransition(T.ResolveWarning, Nothing)
            .InternalTransition(T.ResolveBreach, Nothing);

        Machine.Configure(Reported)
            .SubstateOf(Open)
            .PermitIf(AcknowledgeTrigger, Acknowledged, MayRespond, "who may respond")
            .PermitReentryIf(T.Escalate, CanClimb, "not at top, or repeats left")
            .PermitReentryIf(T.AckTimeout, CanClimb, "not at top, or repeats left")
            .InternalTransitionIf(T.AckTimeout, _ => !CanClimb(), Nothing, "ladder exhausted")
            .InternalTransition(T.AckReminder, Nothing)
            .Permit(T.Mitigate, Mitigated)
            .Permit(T.Cancel, Cancelled);

        Machine.Configure(Acknowledged)
            .SubstateOf(Open)
            .Ignore(T.Acknowledge)
            .PermitIf(T.Escalate, Reported, CanClimb, "not at top, or repeats left")
            .Permit(T.Mitigate, Mitigated)
            .Permit(T.Cancel, Cancelled)
            .InternalTransition(T.UpdateDue, Nothing);

        Machine.Configure(Mitigated)
            .SubstateOf(Open)
            .Ignore(T.Acknowledge)
            .PermitIf(T.Escalate, Reported, CanClimb, "not at top, or repeats left")
            .InternalTransition(T.UpdateDue, Nothing);

        Machine.Configure(Resolved)
            .PermitIf(T.Reopen, Reported, WithinReopenWindow, "within the plan's reopen window")
            .PermitIf(T.Close, Closed, CanCloseNow, "RCA not required, or submitted and every corrective action owned and dated")
            .PermitIf(T.Close, RcaPending, RcaMissing, "RCA required and missing")
            .InternalTransition(T.SubmitRca, Nothing);

        Machine.Configure(RcaPending)
            .PermitIf(T.SubmitRca, Closed, ActionsSettled, "every corrective action owned and dated, or dropped")
            .InternalTransitionIf(T.SubmitRca, _ => !ActionsSettled(), Nothing, "a corrective action lacks an owner or a due date")
            .PermitIf(T.Close, Closed, CanCloseNow, "RCA submitted and every corrective action owned and dated")
            .PermitIf(WaiveRcaTrigger, Closed, IsManager, "who is a manager")
            .InternalTransition(T.RcaReminder, Nothing)
            .InternalTransition(T.RcaDue, Nothing);

        Machine.Configure(Closed);
        Machine.Configure(Cancelled);
    }

    private static void Nothing() { }

    // Guards read the plan in force; without a context (drawing the diagram) they are never evaluated.
    // The bot's timers never acknowledge; a monitoring source may, when someone acknowledged the alert over there.
    private bool MayRespond(Actor who) => (who.Kind != ActorKind.System || Alerts.AlertActors.IsMonitoring(who.Id)) && MayChange(who);

    private bool IsManager(Actor who) => who.Kind == ActorKind.PlanPerson && PlanInForce.IsManager(who.Id);

    private bool CanClimb() =>
        Level < PlanInForce.Escalation.Top || TopRepeats < PlanInForce.Escalation.RepeatAtTop;

    private bool WithinReopenWindow() =>
        ResolvedAt is { } resolved && Now - resolved <= PlanInForce.ReopenWithin;

    private bool RcaRequired => Severity.Rca.Required;

    private bool RcaSatisfied() => !RcaRequired || RcaSubmittedAt is not null;

    private bool RcaMissing() => !RcaSatisfied();

    // A critical incident closes only when its corrective actions are owned and dated (or done, or dropped).
    private bool ActionsSettled() => !RcaRequired || _actionGaps.IsEmpty;

    private bool CanCloseNow() => RcaSatisfied() && ActionsSettled();

    /// <summary>The sentence for a trigger the current state does not allow.</summary>
    private string Refusal(IncidentTrigger trigger, Actor? who = null) => (State, trigger) switch
    {
        (Reported, T.Acknowledge) when who is not null => MayNotChange(who, "acknowledge"),
        (Resolved or RcaPending or Closed or Cancelled, T.Acknowledge or T.Escalate or T.PostUpdate or T.SnoozeUpdates or T.ChangeSeverity
            or T.Assign or T.Mitigate or T.Resolve or T.Cancel) => ClosedSentence(),
        (_, T.Escalate) =>
            $"{Id} is already at the top of the ladder ({CurrentLevel.Name}) and has been paged there {TopRepeats + 1} times.",
        (Mitigated, T.Mitigate) => $"{Id} is already mitigated.",
        (Mitigated, T.Cancel) => $"{Id} is mitigated, so it was not a false alarm; resolve it instead.",
        (Reported or Acknowledged or Mitigated, T.Close) => $"{Id} is still open; resolve it before closing.",
        (Reported or Acknowledged or Mitigated, T.SubmitRca or T.WaiveRca) =>
            $"{Id} is still open; the root-cause analysis comes after it is resolved.",
        (Reported or Acknowledged or Mitigated, T.Reopen) => $"{Id} is still open; there is nothing to reopen.",
        (Resolved, T.Reopen) =>
            $"{Id} was resolved more than {DurationText.Format(PlanInForce.ReopenWithin)} ago and can no longer be reopened; report a new incident.",
        (Resolved, T.WaiveRca) => $"{Id} has no RCA pending to waive.",
        (RcaPending, T.Reopen) => $"{Id} is waiting for its root-cause analysis and can no longer be reopened; report a new incident.",
        (RcaPending, T.WaiveRca) when who is not null => OnlyManagers(who, "waive the RCA of"),
        (Resolved or RcaPending, T.Close) when RcaSubmittedAt is not null && !_actionGaps.IsEmpty => _actionGaps.CloseRefusal(Number),
        (RcaPending, T.Close) => $"{Id} is waiting for its root-cause analysis; submit it with /incident rca {Id} <root cause>.",
        (Closed, _) => $"{Id} is closed.",
        (Cancelled, _) => $"{Id} was cancelled ({CancelReason}).",
        _ => $"{Id} cannot do that while it is {StateWord(State)}.",
    };

    private string ClosedSentence() => State switch
    {
        Resolved => $"{Id} is already resolved; reopen it first.",
        RcaPending => $"{Id} is resolved and waiting for its root-cause analysis; submit it with /incident rca {Id} <root cause>.",
        Closed => $"{Id} is closed.",
        _ => $"{Id} was cancelled ({CancelReason}).",
    };

    /// <summary>The state as a word for sentences: "reported", "waiting for its RCA".</summary>
    public static string StateWord(IncidentState state) => state switch
    {
        RcaPending => "waiting for its RCA",
        _ => state.ToString().ToLowerInvariant(),
    };
}
