using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>The ticket tables of the incident database.</summary>
internal static class TicketModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<WatchedTicket>(e =>
        {
            e.ToTable("watched_tickets");
            e.HasKey(t => t.TicketId);
            e.Property(t => t.TicketId).ValueGeneratedNever();
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Property(t => t.Subject).HasMaxLength(500);
            e.Property(t => t.Requester).HasMaxLength(200);
            e.Ignore(t => t.NewTimelineEntries);
            e.Ignore(t => t.Notices);
            e.HasIndex(t => t.RespondBreachedAt);
            e.HasIndex(t => t.ResolveBreachedAt);
        });
        model.Entity<TicketTimelineEntry>(e =>
        {
            e.ToTable("ticket_timeline");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.TicketId);
        });
        model.Entity<IncidentTicketLink>(e =>
        {
            e.ToTable("incident_ticket_links");
            e.HasKey(l => new { l.IncidentNumber, l.TicketId });
            e.HasIndex(l => l.TicketId);
        });
        model.Entity<TicketNote>(e =>
        {
            e.ToTable("ticket_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            // One note of a kind per ticket and incident: the write-back is idempotent by construction.
            e.HasIndex(n => new { n.TicketId, n.IncidentNumber, n.Kind }).IsUnique();
            e.HasIndex(n => n.SentAt);
        });
    }
}
