namespace Jivrus.IncidentBot.Bot.Scheduling;

/// <summary>Timer firing settings (section <c>Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    /// <summary>How often due timers are looked for. Default 250 ms, well inside the 1 s lateness budget.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Timers claimed per batch. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claim holds before another replica may take the timer. Default 1 min.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False stops the background loop (tests drive <see cref="TimerTick.RunOnceAsync"/>). Default true.</summary>
    public bool Background { get; set; } = true;
}
