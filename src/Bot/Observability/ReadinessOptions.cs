namespace Jivrus.IncidentBot.Bot.Observability;

/// <summary>When <c>/readyz</c> calls the host stuck (section <c>Readiness</c>).</summary>
public sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    /// <summary>
    /// The oldest undelivered outbox message may wait this long before the <c>outbox</c> check fails. Default 10 minutes:
    /// longer than a chat API's usual <c>Retry-After</c> and the outbox's back-off, short enough to page someone.
    /// </summary>
    public TimeSpan OutboxMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most overdue unclaimed timer may be this late before the <c>timers</c> check fails. Default 2 minutes: timers
    /// fire within a tick (250 ms by default) of their due time, so two minutes means nothing is firing them.
    /// </summary>
    public TimeSpan TimerMaxLateness { get; set; } = TimeSpan.FromMinutes(2);
}
