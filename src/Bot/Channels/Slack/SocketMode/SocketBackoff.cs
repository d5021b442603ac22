namespace Jivrus.IncidentBot.Bot.Channels.Slack.SocketMode;

/// <summary>
/// How long to wait before the next attempt to open a Socket Mode connection: the base delay doubled for each failure in
/// a row, capped, then jittered between half and all of it, so several replicas that lost Slack together do not all come
/// back in the same instant (and into <c>apps.connections.open</c>'s rate limit).
/// </summary>
internal static class SocketBackoff
{
    /// <param name="failures">Failures in a row, at least 1.</param>
    /// <param name="jitter">A number in [0, 1): 0 waits half the delay, nearly 1 all of it.</param>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var full = Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << doublings) is var d && d > 0 ? d : long.MaxValue);
        var half = full / 2;
        return TimeSpan.FromTicks(half + (long)((full - half) * Math.Clamp(jitter, 0, 1)));
    }
}
