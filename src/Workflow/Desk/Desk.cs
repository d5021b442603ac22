using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.FollowUp;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Observability;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Plan;
using Jivrus.IncidentBot.Workflow.Storage;
using Jivrus.IncidentBot.Workflow.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jivrus.IncidentBot.Workflow.Desk;

/// <summary>
/// The application service behind every command, timer and query: a facade over one service per area. Every change
/// runs as one <see cref="UnitOfWork"/> (load the subject for change, run an intent, stage timeline, timers and
/// outbox rows, commit); nothing is sent to a chat system here, the host delivers the outbox later.
/// <list type="bullet">
/// <item><see cref="IncidentCommands"/>: commands that change an incident, and who may give them.</item>
/// <item><see cref="IncidentReports"/>: filing new incidents (queue and group commit) through the <see cref="IReportWriter"/>.</item>
/// <item><see cref="IncidentQueries"/>: show, timeline, on call, list.</item>
/// <item><see cref="TimerDispatch"/>: due timers to <see cref="IncidentDeadlines"/>, <see cref="TicketDeadlines"/>, <see cref="IncidentSummaries"/>.</item>
/// <item><see cref="IncidentTickets"/>: promotion, links, write-back and replies to the customers of linked tickets.</item>
/// <item><see cref="IncidentActions"/>: corrective actions (in Desk.Actions.cs).</item>
/// <item><see cref="Alerts.AlertIntake"/>: alert groups from monitoring into incidents.</item>
/// </list>
/// </summary>
public sealed partial class Desk : IAsyncDisposable, Alerts.IAlertIntake
{
    private readonly ResponsePlan _plan;
    private readonly TimeProvider _time;
    private readonly IncidentCommands _commands;
    private readonly IncidentReports _reports;
    private readonly IncidentQueries _queries;
    private readonly IncidentTickets _tickets;
    private readonly IncidentSummaries _summaries;
    private readonly TimerDispatch _timers;
    private readonly Postmortems _postmortems;
    private readonly IncidentActions _actions;
    private readonly OnCallDesk _onCall;
    private readonly OnCallHandoffs _handoffs;
    private readonly Alerts.AlertIntake _alerts;

    // reports: the provider's report writer (registered with the storage); chosen from the database when left out.
    // metrics: counts what each committed change did; null counts nothing.
    public Desk(
        IDbContextFactory<IncidentDbContext> dbFactory,
        ResponsePlan plan,
        TimeProvider time,
        WriteGate gate,
        ILogger<Desk> log,
        IncidentViewCache? views = null,
        IReportWriter? reports = null,
        WorkflowMetrics? metrics = null)
    {
        _plan = plan;
        _time = time;
        var incidentViews = new IncidentViewFactory(plan);
        var work = new UnitOfWork(dbFactory, gate, plan, time, log, views, metrics);
        _onCall = new OnCallDesk(work, dbFactory, plan, time);
        _handoffs = new OnCallHandoffs(work, plan, incidentViews, log);
        _reports = new IncidentReports(work, reports ?? ReportWriters.For(dbFactory, views), gate.Serialises, plan, time, incidentViews, log, _onCall, metrics);
        _queries = new IncidentQueries(dbFactory, plan, incidentViews, views);
        _tickets = new IncidentTickets(work, dbFactory, plan, incidentViews, _reports, log);
        _actions = new IncidentActions(work, dbFactory, plan, incidentViews, _tickets);
        _commands = new IncidentCommands(work, plan, incidentViews, _tickets, _actions, log);
        _summaries = new IncidentSummaries(work, dbFactory, plan, time, log);
        _postmortems = new Postmortems(dbFactory, plan);
        _alerts = new Alerts.AlertIntake(work, dbFactory, _reports, plan, time, log);
        _timers = new TimerDispatch(dbFactory, new IncidentDeadlines(work, plan, log), new TicketDeadlines(work, plan), _summaries, new ActionDeadlines(work, plan, log), _handoffs);
    }

    public ResponsePlan Plan => _plan;

    /// <summary>The current time, as the desk's clock tells it.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A wall-clock time people typed, read in the rotation's time zone (the plan's when there is no such rotation).</summary>
    public DateTimeOffset OnCallInstant(string rotationId, DateTime local) =>
        RotationClock.ToInstant(
            _plan.FindRotation(rotationId)?.TimeZone ?? RotationReader.ZoneOf(_plan.TimeZone.Id) ?? NodaTime.DateTimeZone.Utc,
            NodaTime.LocalDateTime.FromDateTime(local));

    // Commands (IncidentCommands)

    public Task<DeskResult> AcknowledgeAsync(Actor who, int number, CancellationToken ct = default) =>
        _commands.AcknowledgeAsync(who, number, ct);

    /// <summary>A status update; <paramref name="text"/> may be left out when a promise or an ETA is given.</summary>
    public Task<DeskResult> UpdateAsync(Actor who, int number, string? text, TimeSpan? next = null, EtaPromise? eta = null, CancellationToken ct = default) =>
        _commands.UpdateAsync(who, number, text, next, eta, _time.GetUtcNow(), ct);

    public Task<DeskResult> SnoozeUpdatesAsync(Actor who, int number, TimeSpan delay, CancellationToken ct = default) =>
        _commands.SnoozeUpdatesAsync(who, number, delay, ct);

    public Task<DeskResult> ChangeSeverityAsync(Actor who, int number, string severityId, CancellationToken ct = default) =>
        _commands.ChangeSeverityAsync(who, number, severityId, ct);

    public Task<DeskResult> AssignAsync(Actor who, int number, string personId, CancellationToken ct = default) =>
        _commands.AssignAsync(who, number, personId, ct);

    public Task<DeskResult> MitigateAsync(Actor who, int number, string note, CancellationToken ct = default) =>
        _commands.MitigateAsync(who, number, note, ct);

    /// <summary>Anyone may escalate: an employee who sees nobody responding must be able to pull the ladder.</summary>
    public Task<DeskResult> EscalateAsync(Actor who, int number, string? reason, CancellationToken ct = default) =>
        _commands.EscalateAsync(who, number, reason, ct);

    public Task<DeskResult> ResolveAsync(Actor who, int number, string resolution, CancellationToken ct = default) =>
        _commands.ResolveAsync(who, number, resolution, ct);

    public Task<DeskResult> CloseAsync(Actor who, int number, CancellationToken ct = default) =>
        _commands.CloseAsync(who, number, ct);

    public Task<DeskResult> SubmitRcaAsync(Actor who, int number, string rootCause, string? actions, CancellationToken ct = default) =>
        _commands.SubmitRcaAsync(who, number, rootCause, actions, ct);

    public Task<DeskResult> WaiveRcaAsync(Actor who, int number, string reason, CancellationToken ct = default) =>
        _commands.WaiveRcaAsync(who, number, reason, ct);

    public Task<DeskResult> CancelAsync(Actor who, int number, string reason, CancellationToken ct = default) =>
        _commands.CancelAsync(who, number, reason, ct);

    public Task<DeskResult> ReopenAsync(Actor who, int number, CancellationToken ct = default) =>
        _commands.ReopenAsync(who, number, ct);

    /// <summary>Managers only: makes the incident private (<paramref name="makePrivate"/>) or public again; on its timeline.</summary>
    public Task<DeskResult> SetPrivateAsync(Actor who, int number, bool makePrivate, CancellationToken ct = default) =>
        _commands.SetPrivateAsync(who, number, makePrivate, ct);

    // Reports (IncidentReports)

    /// <summary>
    /// Files a new incident. Where one write runs at a time (SQLite, InMemory) reports are filed together in one
    /// transaction (group commit); nobody is answered before the commit. A caller that gives up before its report is
    /// taken withdraws it.
    /// </summary>
    public Task<DeskResult> ReportAsync(Actor who, IncidentReport report, CancellationToken ct = default) =>
        _reports.ReportAsync(who, report, ct);

    // Alerts (AlertIntake)

    /// <summary>
    /// Takes a delivery of alert groups in: new groups open incidents (or join their source's storm), known groups add
    /// to theirs, resolve or reopen them. Answers once what it did is committed; a retried delivery changes nothing.
    /// </summary>
    public Task<Alerts.AlertIntakeResult> IngestAsync(Alerts.AlertBatch batch, CancellationToken ct = default) => _alerts.IngestAsync(batch, ct);

    // Queries (IncidentQueries)

    /// <summary>The incident as the bot itself sees it, private or not: for its own posts, never for a person's question.</summary>
    public Task<DeskResult> ShowAsync(int number, CancellationToken ct = default) => _queries.ShowAsync(number, asker: null, ct);

    /// <summary>
    /// The incident as <paramref name="asker"/> may see it: a private incident answers its members only, and anyone
    /// else gets exactly the answer an unknown number gets.
    /// </summary>
    public Task<DeskResult> ShowAsync(int number, Actor asker, CancellationToken ct = default) => _queries.ShowAsync(number, asker, ct);

    /// <summary>The incident and its timeline as the bot itself sees them, private or not; null when there is no such incident.</summary>
    public Task<(IncidentView Incident, IReadOnlyList<TimelineEntry> Entries)?> TimelineAsync(int number, CancellationToken ct = default) =>
        _queries.TimelineAsync(number, asker: null, ct);

    /// <summary>The incident and its timeline, oldest first; null when there is no such incident or <paramref name="asker"/> may not see it.</summary>
    public Task<(IncidentView Incident, IReadOnlyList<TimelineEntry> Entries)?> TimelineAsync(int number, Actor asker, CancellationToken ct = default) =>
        _queries.TimelineAsync(number, asker, ct);

    /// <summary>
    /// Incidents for <c>/incident list</c>: open ones (optionally only the asker's, optionally of one severity),
    /// most urgent severity first and newest first within a severity; or the most recently closed or cancelled.
    /// <see cref="IncidentList.Total"/> is how many match, <see cref="IncidentList.Shown"/> at most <paramref name="limit"/> of them.
    /// </summary>
    public Task<IncidentList> ListAsync(IncidentFilter filter, Actor asker, string? severityId = null, int limit = 50, CancellationToken ct = default) =>
        _queries.ListAsync(filter, asker, severityId, limit, ct);

    /// <summary>
    /// The post-mortem document of an incident; null when there is no such incident or <paramref name="asker"/> may not
    /// see it. A null asker is whoever holds a signed link to the document.
    /// </summary>
    public Task<Postmortem?> PostmortemAsync(Actor? asker, int number, CancellationToken ct = default) =>
        _postmortems.WriteAsync(asker, number, ct);

    // Timers (TimerDispatch)

    /// <summary>Fires one due timer through the same unit of work as a command; reads its row first.</summary>
    public Task<TimerResult> FireTimerAsync(long timerId, CancellationToken ct = default) => _timers.FireAsync(timerId, ct);

    /// <summary>Fires a timer the caller has just claimed; its row is known, so nothing is read twice.</summary>
    public Task<TimerResult> FireTimerAsync(IncidentTimer claimed, CancellationToken ct = default) => _timers.FireAsync(claimed, ct);

    /// <summary>The incident's timer rows, soonest first: its next deadline, or none (for tests and operations).</summary>
    public Task<IReadOnlyList<IncidentTimer>> TimersOfAsync(int number, CancellationToken ct = default) => _timers.TimersOfAsync(TimerSubject.Incident, number, ct);

    /// <summary>The timer rows of one subject (an incident, a ticket, the summaries), soonest first.</summary>
    public Task<IReadOnlyList<IncidentTimer>> TimersOfAsync(TimerSubject subject, long subjectId, CancellationToken ct = default) =>
        _timers.TimersOfAsync(subject, subjectId, ct);

    /// <summary>Plans the next daily and weekly summary if none is planned. Safe to call from every replica.</summary>
    public Task EnsureSummaryTimersAsync(CancellationToken ct = default) => _summaries.EnsureTimersAsync(ct);

    // On call (OnCallDesk, OnCallHandoffs)

    /// <summary><c>/oncall [rotation]</c>: who each level pages now and the next handoffs, or one rotation's next turns.</summary>
    public Task<string> OnCallNowAsync(string? rotationId = null, CancellationToken ct = default) => _onCall.NowAsync(rotationId, ct);

    /// <summary>Who is on call: the plan's rotations with the overrides in force now.</summary>
    public Task<OnCallRoster> OnCallRosterAsync(CancellationToken ct = default) => _onCall.RosterAsync(ct);

    /// <summary>Who is on call, for drawing the shifts under way whole: with the overrides that already ended in them (the calendar feed).</summary>
    public Task<OnCallRoster> OnCallScheduleAsync(CancellationToken ct = default) => _onCall.ScheduleRosterAsync(ct);

    /// <summary><c>/oncall override</c>: hands a rotation to a person from now until <paramref name="until"/>.</summary>
    public Task<DeskResult> OverrideOnCallAsync(Actor who, string rotationId, string personId, DateTimeOffset until, CancellationToken ct = default) =>
        _onCall.OverrideAsync(who, rotationId, personId, until, ct);

    /// <summary><c>/oncall overrides</c>: the overrides in force or to come.</summary>
    public Task<string> OnCallOverridesAsync(CancellationToken ct = default) => _onCall.ListAsync(ct);

    /// <summary><c>/oncall cancel</c>: cancels an override.</summary>
    public Task<DeskResult> CancelOnCallOverrideAsync(Actor who, long id, CancellationToken ct = default) => _onCall.CancelAsync(who, id, ct);

    /// <summary>Plans the next on-call handoff if none is planned. Safe to call from every replica.</summary>
    public Task EnsureHandoffTimerAsync(CancellationToken ct = default) => _handoffs.EnsureTimerAsync(ct);

    // Tickets (IncidentTickets)

    /// <summary>
    /// Promotes a watched ticket to an incident linked to it; the severity is <paramref name="severityId"/>, else what
    /// the ticket's priority and subject call for. A ticket already linked to an open incident is not promoted twice.
    /// </summary>
    public Task<DeskResult> PromoteTicketAsync(Actor who, long ticketId, string? severityId, CancellationToken ct = default) =>
        _tickets.PromoteAsync(who, ticketId, severityId, ct);

    /// <summary>Links a watched ticket to an incident, so the incident's resolution and RCA are written back to it.</summary>
    public Task<DeskResult> LinkTicketAsync(Actor who, int number, long ticketId, CancellationToken ct = default) =>
        _tickets.LinkAsync(who, number, ticketId, ct);

    /// <summary>The draft of the reply to the customer of a ticket linked to a resolved incident. Writes nothing.</summary>
    public Task<TicketReplyDraft> DraftTicketReplyAsync(Actor who, int number, long ticketId, CancellationToken ct = default) =>
        _tickets.DraftReplyAsync(who, number, ticketId, _time.GetUtcNow(), ct);

    /// <summary>Queues the reply a person wrote for the customer of a linked ticket; once per ticket and incident.</summary>
    public Task<DeskResult> SendTicketReplyAsync(Actor who, int number, long ticketId, string body, CancellationToken ct = default) =>
        _tickets.SendReplyAsync(who, number, ticketId, body, ct);

    /// <summary>Closes the report writer's connection once no report is being written.</summary>
    public async ValueTask DisposeAsync() => await _reports.DisposeAsync();
}
