using System.Diagnostics.Metrics;
using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Observability;

namespace Jivrus.IncidentBot.Bot.Observability;

/// <summary>
/// The host's own metrics, on the workflow's meter: calls to the chat APIs, timer fires and their lateness, and the
/// outbox and timer backlog read from the database (see <see cref="BacklogCache"/>).
/// </summary>
public sealed class BotMetrics
{
    // A timer fires within a tick of its due time (250 ms by default); the wide end shows a host that was down.
    private static readonly double[] LatenessBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600];

    private readonly Counter<long> _chatCalls;
    private readonly Counter<long> _timerFires;
    private readonly Histogram<double> _timerLateness;

    internal BotMetrics(WorkflowMetrics workflow, BacklogCache backlog)
    {
        var meter = workflow.Meter;
        _chatCalls = meter.CreateCounter<long>("incidentbot_chat_api_calls", "{call}",
            "HTTP calls to Slack, Teams and Freshdesk, by service and result (ok, error, rate_limited), every retry counted.");
        _timerFires = meter.CreateCounter<long>("incidentbot_timer_fires", "{fire}", "Timers fired, by kind and result.");
        _timerLateness = meter.CreateHistogram("incidentbot_timer_lateness", "s", "Fire time minus due time of each timer fired.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatenessBuckets });
        meter.CreateObservableGauge("incidentbot_outbox_backlog", () => backlog.Read() is { } b ? [new Measurement<int>(b.OutboxMessages)] : Array.Empty<Measurement<int>>(),
            "{message}", "Outbox messages not yet delivered to every channel.");
        meter.CreateObservableGauge("incidentbot_outbox_oldest_age", () => backlog.Read() is { } b ? [new Measurement<double>(b.OldestOutboxAge.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "How long the oldest undelivered outbox message has waited (0 when none waits).");
        meter.CreateObservableGauge("incidentbot_timer_overdue", () => backlog.Read() is { } b ? [new Measurement<double>(b.OldestOverdueTimer.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "How far past its due time the most overdue unclaimed timer is (0 when none is).");
    }

    internal void ChatCall(string service, string result) =>
        _chatCalls.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("result", result));

    internal void TimerFired(IncidentTimer timer, TimerResult result, DateTimeOffset firedAt)
    {
        var kind = new KeyValuePair<string, object?>("kind", KindName(timer.Kind));
        _timerFires.Add(1, kind, new KeyValuePair<string, object?>("result", result.ToString().ToLowerInvariant()));
        _timerLateness.Record(Math.Max(0, (firedAt - timer.DueAt).TotalSeconds), kind);
    }

    /// <summary>ResolveBreach → resolve_breach: Prometheus label values in the style of the metric names.</summary>
    internal static string KindName(TimerKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
