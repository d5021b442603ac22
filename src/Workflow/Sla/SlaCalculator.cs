using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Workflow.Sla;

/// <summary>
/// The Support Policy's SLA deadlines for an incident: acknowledge, next update, resolve and RCA due.
/// Each deadline is counted on its severity's clock except the RCA, which is always calendar time.
/// Pure functions of their inputs; every instant returned is in UTC (offset zero).
/// </summary>
public sealed class SlaCalculator
{
    public SlaCalculator(ResponsePlan plan)
    {
        Clock = new SlaClock(plan);
    }

    /// <summary>The clock the deadlines are counted on, for callers that need elapsed counted time.</summary>
    public SlaClock Clock { get; }

    /// <summary>
    /// When <paramref name="level"/> must acknowledge: its own window when the ladder sets one
    /// (management is often slower or faster than first responders), else the severity's.
    /// </summary>
    public DateTimeOffset AcknowledgeBy(SeverityPlan severity, EscalationLevel level, DateTimeOffset pagedAt) =>
        Clock.Add(pagedAt, AcknowledgeWindow(severity, level), severity.Clock);

    /// <summary>Halfway through the acknowledge window, in counted time: when responders get a nudge.</summary>
    public DateTimeOffset AcknowledgeReminderAt(SeverityPlan severity, EscalationLevel level, DateTimeOffset pagedAt) =>
        Clock.Add(pagedAt, Fraction(AcknowledgeWindow(severity, level), 1, 2), severity.Clock);

    /// <summary>
    /// When the next update is due. A responder's <paramref name="requestedNext"/>
    /// (<c>update ... next 45m</c>) replaces the severity's <see cref="SeverityPlan.UpdateEvery"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestedNext"/> is zero or negative.</exception>
    public DateTimeOffset NextUpdateBy(SeverityPlan severity, DateTimeOffset lastUpdateAt, TimeSpan? requestedNext = null)
    {
        ArgumentNullException.ThrowIfNull(severity);
        if (requestedNext is { } next)
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(next, TimeSpan.Zero, nameof(requestedNext));
        return Clock.Add(lastUpdateAt, requestedNext ?? severity.UpdateEvery, severity.Clock);
    }

    /// <summary>When the incident must be resolved. The Support Policy measures resolution from the report, not the page.</summary>
    public DateTimeOffset ResolveBy(SeverityPlan severity, DateTimeOffset reportedAt)
    {
        ArgumentNullException.ThrowIfNull(severity);
        return Clock.Add(reportedAt, severity.ResolveWithin, severity.Clock);
    }

    /// <summary>When 75% of the resolve window has been counted: the warning before a breach.</summary>
    public DateTimeOffset ResolveWarningAt(SeverityPlan severity, DateTimeOffset reportedAt)
    {
        ArgumentNullException.ThrowIfNull(severity);
        return Clock.Add(reportedAt, Fraction(severity.ResolveWithin, 3, 4), severity.Clock);
    }

    /// <summary>
    /// When the RCA is due, counted from entering RcaPending; null when the severity requires none.
    /// Always calendar time: the RCA is a write-up with a fixed due date, not an on-call response.
    /// </summary>
    public DateTimeOffset? RcaDueBy(SeverityPlan severity, DateTimeOffset enteredRcaPendingAt)
    {
        ArgumentNullException.ThrowIfNull(severity);
        return severity.Rca.Required
            ? Clock.Add(enteredRcaPendingAt, severity.Rca.DueWithin, ClockKind.Calendar)
            : null;
    }

    /// <summary>
    /// All deadlines of an open incident at once. <see cref="SlaDeadlines.RcaDueBy"/> is null here:
    /// the RCA clock starts only when the incident enters RcaPending, so set it then with
    /// <see cref="RcaDueBy"/> (<c>deadlines with { RcaDueBy = ... }</c>).
    /// </summary>
    public SlaDeadlines Compute(SeverityPlan severity, EscalationLevel level, DateTimeOffset reportedAt, DateTimeOffset pagedAt, DateTimeOffset lastUpdateAt, TimeSpan? requestedNext = null) =>
        new(
            AcknowledgeBy(severity, level, pagedAt),
            NextUpdateBy(severity, lastUpdateAt, requestedNext),
            ResolveBy(severity, reportedAt),
            RcaDueBy: null);

    private static TimeSpan AcknowledgeWindow(SeverityPlan severity, EscalationLevel level)
    {
        ArgumentNullException.ThrowIfNull(severity);
        ArgumentNullException.ThrowIfNull(level);
        return level.AcknowledgeWithin ?? severity.AcknowledgeWithin;
    }

    // Whole ticks keep the fraction exact and free of floating-point rounding.
    private static TimeSpan Fraction(TimeSpan window, int numerator, int denominator) =>
        TimeSpan.FromTicks(window.Ticks / denominator * numerator + window.Ticks % denominator * numerator / denominator);
}
