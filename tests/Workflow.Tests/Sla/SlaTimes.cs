namespace Jivrus.IncidentBot.Workflow.Tests.Sla;

/// <summary>Readable instants for SLA tests; March 2025 starts on a Saturday (Mon 3, Fri 7, Mon 10).</summary>
internal static class SlaTimes
{
    private static readonly TimeSpan IndiaOffset = new(5, 30, 0);

    /// <summary>Wall time in Asia/Kolkata (+05:30 all year).</summary>
    public static DateTimeOffset Ist(int month, int day, int hour, int minute = 0) =>
        new(2025, month, day, hour, minute, 0, IndiaOffset);

    /// <summary>An instant written in UTC, for expectations computed by hand across offsets.</summary>
    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) =>
        new(2025, month, day, hour, minute, 0, TimeSpan.Zero);
}
