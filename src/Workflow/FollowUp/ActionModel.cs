using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.FollowUp;

/// <summary>How corrective actions are stored: the <c>corrective_actions</c> table.</summary>
internal static class ActionModel
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<CorrectiveAction>(e =>
        {
            e.ToTable("corrective_actions");
            e.HasKey(a => a.Id);
            e.Property(a => a.Text).HasMaxLength(CorrectiveAction.MaxTextLength);
            e.Property(a => a.OwnerId).HasMaxLength(64);
            e.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
            // A timer and a person may change the same action at once; the loser runs again on what is stored.
            e.Property(a => a.Version).IsConcurrencyToken();
            // INC-7 #2 names one action; it also serves "the actions of INC-7, in order".
            e.HasIndex(a => new { a.IncidentNumber, a.Number }).IsUnique();
            // "/incident actions mine" and "overdue", and the summaries, read open actions by owner and by due date.
            e.HasIndex(a => new { a.State, a.OwnerId });
            e.HasIndex(a => new { a.State, a.DueAt });
            e.Ignore(a => a.Ref);
            e.Ignore(a => a.IsOpen);
            e.Ignore(a => a.IsSettled);
        });
}
