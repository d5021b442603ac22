namespace Jivrus.IncidentBot.Workflow.OnCall;

/// <summary>
/// A stretch of a rotation handed to someone else (<c>/oncall override</c>): from <see cref="From"/> until
/// <see cref="Until"/>, <see cref="PersonId"/> is on call for <see cref="RotationId"/> instead of whoever the
/// schedule names. Where overrides overlap the one made last wins. Kept with who made it; a cancelled override
/// stays as a record and no longer counts.
/// </summary>
public sealed class OnCallOverride
{
    public long Id { get; private set; }
    public string RotationId { get; private set; } = "";
    public string PersonId { get; private set; } = "";
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset Until { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledById { get; private set; }

    private OnCallOverride()
    {
    }

    public OnCallOverride(string rotationId, string personId, DateTimeOffset from, DateTimeOffset until, string createdById, DateTimeOffset createdAt, long id = 0)
    {
        if (until <= from)
            throw new ArgumentException("An override must end after it starts.", nameof(until));
        Id = id;
        RotationId = rotationId;
        PersonId = personId;
        From = from;
        Until = until;
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    /// <summary>"#12": how people name an override in <c>/oncall cancel</c>.</summary>
    public string Label => $"#{Id}";

    public bool IsCancelled => CancelledAt is not null;

    /// <summary>True when the override puts its person on call at <paramref name="at"/>.</summary>
    public bool Covers(DateTimeOffset at) => !IsCancelled && From <= at && at < Until;

    public void Cancel(string byId, DateTimeOffset at)
    {
        CancelledAt = at;
        CancelledById = byId;
    }
}
