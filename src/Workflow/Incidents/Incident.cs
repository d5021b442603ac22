using Jivrus.IncidentBot.Workflow.Plan;
using Stateless;

namespace Jivrus.IncidentBot.Workflow.Incidents;

/// <summary>
/// An incident and its lifecycle. The state machine is private: callers use intent methods
/// (<see cref="Acknowledge"/>, <see cref="Escalate"/>, <see cref="Resolve"/>...) which answer with an
/// <see cref="Outcome"/> sentence and never throw for a move the lifecycle does not allow. Every accepted
/// move appends a timeline entry and the notices people must get. Not thread-safe: one transaction
/// changes one incident at a time.
/// </summary>
public sealed partial class Incident
{
    public const int MaxTitleLength = 150;
    public const int MaxTextLength = 3000;

    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string? Impact { get; private set; }
    public string? Description { get; private set; }
    public string SeverityId { get; private set; } = "";

    /// <summary>
    /// True from a report that named no severity (and a plan without <c>defaultSeverity</c>) until someone picks one.
    /// Meanwhile <see cref="SeverityId"/> is the most urgent severity, so every clock runs as for it.
    /// </summary>
    public bool NeedsTriage { get; private set; }

    /// <summary>How the report's severity was decided; known only to the change that filed it (not stored).</summary>
    public ReportSeverity? Classification { get; private set; }
    public IncidentState State { get; private set; }

    /// <summary>1-based ladder level currently paged.</summary>
    public int Level { get; private set; } = 1;

    /// <summary>How many times the top level was paged again after its first page.</summary>
    public int TopRepeats { get; private set; }

    /// <summary>True once the incident has climbed to the top of the ladder (management).</summary>
    public bool ReachedTop { get; private set; }

    /// <summary>True once the last page at the top timed out and management was told the ladder is exhausted.</summary>
    public bool LadderExhausted { get; private set; }
    public string ReporterId { get; private set; } = "";
    public string ReporterName { get; private set; } = "";
    public string? CommanderId { get; private set; }
    public string? CommanderName { get; private set; }
    public string? AcknowledgedById { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public DateTimeOffset PagedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>First acknowledgement ever; MTTA is measured to it and it survives escalations.</summary>
    public DateTimeOffset? FirstAcknowledgedAt { get; private set; }
    public DateTimeOffset? MitigatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset LastUpdateAt { get; private set; }

    /// <summary>When the owner promised the next update (<c>next 45m</c>); null means the plan's cadence.</summary>
    public DateTimeOffset? NextUpdatePromisedAt { get; private set; }
    public DateTimeOffset? Eta { get; private set; }
    public int UpdateNudges { get; private set; }
    public bool AckReminded { get; private set; }
    public bool ResolveWarned { get; private set; }
    public bool ResolveBreached { get; private set; }
    public DateTimeOffset? RcaPendingSince { get; private set; }
    public int RcaReminders { get; private set; }
    public bool RcaDueNotified { get; private set; }
    public string? MitigationNote { get; private set; }
    public string? Resolution { get; private set; }
    public string? CancelReason { get; private set; }
    public string? RcaRootCause { get; private set; }
    public string? RcaActions { get; private set; }
    public DateTimeOffset? RcaSubmittedAt { get; private set; }
    public string? RcaWaivedBy { get; private set; }
    public string? RcaWaiveReason { get; private set; }

    /// <summary>Optimistic-concurrency token; also stamps the timers planned for this version.</summary>
    public int Version { get; private set; }

    public string Id => IncidentId.Format(Number);

    /// <summary>The person who owns the response: the commander if one was assigned, else whoever acknowledged.</summary>
    public string? OwnerId => CommanderId ?? AcknowledgedById;
    public string? OwnerName => CommanderName ?? AcknowledgedByName;

    public bool IsOpen => State is IncidentState.Reported or IncidentState.Acknowledged or IncidentState.Mitigated;

    private StateMachine<IncidentState, IncidentTrigger>? _machine;
    private StateMachine<IncidentState, IncidentTrigger>.TriggerWithParameters<Actor>? _acknowledge;
    private StateMachine<IncidentState, IncidentTrigger>.TriggerWithParameters<Actor>? _waiveRca;
    private readonly List<TimelineEntry> _newEntries = [];
    private readonly List<Notice> _notices = [];
    private IncidentContext? _context;
    private FollowUp.ActionGaps _actionGaps = FollowUp.ActionGaps.None;

    // EF Core materialises through this constructor; State is set afterwards and the machine reads it through the accessor.
    private Incident()
    {
    }

    // The machine is built on first use: filing a new incident or reading one to show it never fires a trigger,
    // and configuring the machine cost more than the rest of a report put together.
    private StateMachine<IncidentState, IncidentTrigger> Machine => _machine ?? BuildMachine();

    private StateMachine<IncidentState, IncidentTrigger>.TriggerWithParameters<Actor> AcknowledgeTrigger
    {
        get
        {
            if (_machine is null)
                BuildMachine();
            return _acknowledge!;
        }
    }

    private StateMachine<IncidentState, IncidentTrigger>.TriggerWithParameters<Actor> WaiveRcaTrigger
    {
        get
        {
            if (_machine is null)
                BuildMachine();
            return _waiveRca!;
        }
    }

    private StateMachine<IncidentState, IncidentTrigger> BuildMachine()
    {
        var machine = new StateMachine<IncidentState, IncidentTrigger>(() => State, s => State = s, FiringMode.Queued);
        _acknowledge = machine.SetTriggerParameters<Actor>(IncidentTrigger.Acknowledge);
        _waiveRca = machine.SetTriggerParameters<Actor>(IncidentTrigger.WaiveRca);
        _machine = machine;
        Configure();
        return machine;
    }

    /// <summary>Timeline entries written by the current change, not yet saved.</summary>
    public IReadOnlyList<TimelineEntry> NewTimelineEntries => _newEntries;

    /// <summary>Notices produced by the current change, not yet saved to the outbox.</summary>
    public IReadOnlyList<Notice> Notices => _notices;

    /// <summary>
    /// Makes one change: gives the incident the plan and the time for <paramref name="intent"/>, one of its intent or
    /// timer methods (<see cref="Acknowledge"/>, <see cref="UpdateOverdue"/>...), and answers what it did. An accepted
    /// change moves the version on, so timers planned before it become stale. Until the next change,
    /// <see cref="NewTimelineEntries"/> and <see cref="Notices"/> hold what this one produced, for the unit of work to stage.
    /// </summary>
    public Outcome Change(IncidentContext context, Func<Incident, Outcome> intent)
    {
        _context = context;
        _newEntries.Clear();
        _notices.Clear();
        try
        {
            var outcome = intent(this);
            if (outcome.Changed)
                Version++;
            return outcome;
        }
        finally
        {
            _context = null;
        }
    }

    private IncidentContext Context =>
        _context ?? throw new InvalidOperationException("Change an incident through Change(context, intent).");

    private ResponsePlan PlanInForce => Context.Plan;

    private DateTimeOffset Now => Context.Now;

    private SeverityPlan Severity => PlanInForce.Severity(SeverityId);

    /// <summary>The severity as people read it in posts: its name, or "needs triage".</summary>
    private string SeverityLabel => NeedsTriage ? TriageLabel : Severity.Name;

    /// <summary>How an incident waiting for its severity is named wherever a severity would stand.</summary>
    public const string TriageLabel = "needs triage";

    private EscalationLevel CurrentLevel => PlanInForce.Escalation.Level(Level);

    /// <summary>The diagram source of the lifecycle, for docs/incident-lifecycle.md.</summary>
    public static string LifecycleDiagram()
    {
        var blank = new Incident();
        return Stateless.Graph.MermaidGraph.Format(blank.Machine.GetInfo());
    }
}
