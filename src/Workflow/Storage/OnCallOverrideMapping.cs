using Jivrus.IncidentBot.Workflow.OnCall;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>The <c>oncall_overrides</c> table: one row per <c>/oncall override</c>, kept after it ends or is cancelled.</summary>
internal static class OnCallOverrideMapping
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<OnCallOverride>(e =>
        {
            e.ToTable("oncall_overrides");
            e.HasKey(o => o.Id);
            e.Property(o => o.RotationId).HasMaxLength(100);
            e.Property(o => o.PersonId).HasMaxLength(100);
            e.Property(o => o.CreatedById).HasMaxLength(100);
            e.Property(o => o.CancelledById).HasMaxLength(100);
            e.Ignore(o => o.Label);
            e.Ignore(o => o.IsCancelled);
            // Who is on call reads the overrides that have not ended yet.
            e.HasIndex(o => o.Until);
        });
}
