using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Alerts;

/// <summary>
/// One alert group of one source (the <c>alert_groups</c> table), unique by (<see cref="Source"/>, <see cref="Key"/>):
/// the incident it landed on, whether it fires, and a digest of the last delivery so a retried delivery has one effect.
/// <see cref="InStorm"/> marks a group that joined its source's storm incident instead of opening its own.
/// </summary>
public sealed class AlertGroup
{
    public long Id { get; private set; }
    public string Source { get; private set; } = "";
    public string Key { get; private set; } = "";
    public int IncidentNumber { get; private set; }
    public bool InStorm { get; private set; }
    public AlertStatus Status { get; private set; }
    public string Title { get; private set; } = "";
    public int FiringAlerts { get; private set; }
    public DateTimeOffset FirstFiredAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>SHA-256 (hex) of the last delivery's content for this group (<see cref="AlertDigest"/>).</summary>
    public string LastDigest { get; private set; } = "";

    private AlertGroup()
    {
    }

    internal AlertGroup(string source, AlertGroupSignal signal, string digest, int incidentNumber, bool inStorm, DateTimeOffset now)
    {
        Source = source;
        Key = signal.Key;
        IncidentNumber = incidentNumber;
        InStorm = inStorm;
        FirstFiredAt = now;
        Seen(signal, digest, now);
    }

    /// <summary>True when <paramref name="digest"/> is what this group last received, less than <paramref name="window"/> ago: a retry.</summary>
    internal bool IsRepeatOf(string digest, DateTimeOffset now, TimeSpan window) => LastDigest == digest && now - LastSeenAt < window;

    internal void Seen(AlertGroupSignal signal, string digest, DateTimeOffset now)
    {
        if (signal.Status == AlertStatus.Resolved && Status != AlertStatus.Resolved)
            ResolvedAt = now;
        else if (signal.Status == AlertStatus.Firing)
            ResolvedAt = null;
        if (signal.Status != AlertStatus.Acknowledged)
        {
            Status = signal.Status;
            FiringAlerts = signal.Status == AlertStatus.Firing ? Math.Max(1, signal.FiringCount) : 0;
        }

        // A resolve or acknowledge event may carry no summary of its own: the group keeps the name it fired with.
        if (signal.Status == AlertStatus.Firing || Title.Length == 0)
            Title = signal.Title.Length <= 300 ? signal.Title : signal.Title[..300];
        LastDigest = digest;
        LastSeenAt = now;
    }

    /// <summary>The group fires again after its incident was closed: it now belongs to <paramref name="incidentNumber"/>.</summary>
    internal void MoveTo(int incidentNumber, bool inStorm, DateTimeOffset now)
    {
        IncidentNumber = incidentNumber;
        InStorm = inStorm;
        FirstFiredAt = now;
    }

    internal static void Configure(ModelBuilder model) =>
        model.Entity<AlertGroup>(e =>
        {
            e.ToTable("alert_groups");
            e.HasKey(g => g.Id);
            e.Property(g => g.Source).HasMaxLength(64);
            e.Property(g => g.Key).HasMaxLength(AlertGroupSignal.MaxKeyLength);
            e.Property(g => g.Title).HasMaxLength(300);
            e.Property(g => g.LastDigest).HasMaxLength(64);
            e.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
            // A group is found by its key; a second replica filing the same group trips this and reads it instead.
            e.HasIndex(g => new { g.Source, g.Key }).IsUnique();
            // Storm detection counts a source's groups first seen in the last minute or so.
            e.HasIndex(g => new { g.Source, g.FirstFiredAt });
            e.HasIndex(g => g.IncidentNumber);
        });
}
