using Jivrus.IncidentBot.Workflow.Agenda;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Incidents, their timelines, their timers and the outbox, in one database. The schema is changed only by
/// migrations, generated and applied through the provider's subclass (<see cref="SqliteIncidentDbContext"/>,
/// <see cref="PostgresIncidentDbContext"/>); everything else uses this type.
/// </summary>
public class IncidentDbContext : DbContext
{
    public IncidentDbContext(DbContextOptions<IncidentDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the per-provider migration contexts, which share this model.</summary>
    protected IncidentDbContext(DbContextOptions options)
        : base(options)
    {
    }

    private bool? _isPostgres;

    /// <summary>
    /// Whether the database is PostgreSQL, asked once per context (a pooled context keeps the answer): EF reads the
    /// provider's name from its assembly on every <c>IsNpgsql()</c>, which cost more than the query of an ack.
    /// </summary>
    internal bool IsPostgres => _isPostgres ??= Database.IsNpgsql();

    private bool? _isRelational;

    /// <summary>Whether the database runs SQL (not the InMemory provider, which has no bulk delete), asked once per context.</summary>
    internal bool IsRelational => _isRelational ??= Database.IsRelational();

    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<IncidentTimer> Timers => Set<IncidentTimer>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SchemaVersion> SchemaVersions => Set<SchemaVersion>();
    public DbSet<ChannelPost> ChannelPosts => Set<ChannelPost>();
    public DbSet<IncidentConversation> IncidentConversations => Set<IncidentConversation>();
    public DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();
    public DbSet<Tickets.WatchedTicket> WatchedTickets => Set<Tickets.WatchedTicket>();
    public DbSet<Tickets.TicketTimelineEntry> TicketTimeline => Set<Tickets.TicketTimelineEntry>();
    public DbSet<Tickets.IncidentTicketLink> TicketLinks => Set<Tickets.IncidentTicketLink>();
    public DbSet<Tickets.TicketNote> TicketNotes => Set<Tickets.TicketNote>();
    public DbSet<FollowUp.CorrectiveAction> Actions => Set<FollowUp.CorrectiveAction>();
    public DbSet<OnCall.OnCallOverride> OnCallOverrides => Set<OnCall.OnCallOverride>();
    public DbSet<Alerts.AlertGroup> AlertGroups => Set<Alerts.AlertGroup>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or order DateTimeOffset text; as an integer it can. Every provider uses the
        // same encoding so the model (cached per context type) and the schema are the same everywhere.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Incident>(e =>
        {
            e.ToTable("incidents");
            e.HasKey(i => i.Number);
            e.Property(i => i.Number).ValueGeneratedNever();
            e.Property(i => i.Version).IsConcurrencyToken();
            e.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Title).HasMaxLength(Incident.MaxTitleLength);
            e.Property(i => i.SeverityId).HasMaxLength(20);
            e.HasIndex(i => i.State);
            // /incident list: the newest open incidents of each severity, read a page at a time.
            e.HasIndex(i => new { i.State, i.SeverityId, i.Number });
            // "/incident list closed" reads the newest of each; only finished incidents are in these.
            e.HasIndex(i => i.ClosedAt).HasFilter("\"ClosedAt\" IS NOT NULL");
            e.HasIndex(i => i.CancelledAt).HasFilter("\"CancelledAt\" IS NOT NULL");
            // The lists leave out open drills and private incidents the asker is no member of: few rows, counted on these.
            e.HasIndex(i => new { i.IsDrill, i.State });
            e.HasIndex(i => new { i.IsPrivate, i.State });
            e.Ignore(i => i.NewTimelineEntries);
            e.Ignore(i => i.Notices);
            e.Ignore(i => i.Classification);
            e.Property(i => i.PagedByLevel).HasMaxLength(2000);
            e.Property(i => i.AlertNote).HasMaxLength(200);
        });

        OnCallOverrideMapping.Configure(model);
        Alerts.AlertGroup.Configure(model);

        model.Entity<TimelineEntry>(e =>
        {
            e.ToTable("timeline");
            e.HasKey(t => t.Id);
            e.Property(t => t.FromState).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.ToState).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(t => t.IncidentNumber);
        });

        model.Entity<IncidentTimer>(e =>
        {
            e.ToTable("timers");
            e.HasKey(t => t.Id);
            e.Property(t => t.Subject).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            e.Ignore(t => t.IncidentNumber);
            e.HasIndex(t => t.DueAt);
            // At most one timer of a kind per subject (and one per summary kind): this also keeps replicas that
            // start together from planning the same summary twice. It serves the lookups by subject too.
            e.HasIndex(t => new { t.Subject, t.SubjectId, t.Kind }).IsUnique();
        });

        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Audience).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(o => o.DeliveredAt);
        });

        model.Entity<ChannelPost>(e =>
        {
            e.ToTable("channel_posts");
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.IncidentNumber, p.Channel });
        });
        model.Entity<IncidentConversation>(e =>
        {
            e.ToTable("incident_conversations");
            e.HasKey(c => new { c.Channel, c.ConversationId });
            e.HasIndex(c => new { c.IncidentNumber, c.Channel });
        });
        model.Entity<OutboxDelivery>(e =>
        {
            e.ToTable("outbox_deliveries");
            e.HasKey(d => new { d.OutboxId, d.Channel });
        });
        model.Entity<ProcessedEvent>(e =>
        {
            e.ToTable("processed_events");
            e.HasKey(p => p.Key);
            e.HasIndex(p => p.At);
        });
        model.Entity<ConversationReference>(e =>
        {
            e.ToTable("conversation_references");
            e.HasKey(c => new { c.Channel, c.Key });
        });

        Tickets.TicketModel.Configure(model);
        LinkKey.Configure(model);
        FollowUp.ActionModel.Configure(model);

        model.Entity<SchemaVersion>(e =>
        {
            e.ToTable("schema_version");
            e.HasKey(s => s.Version);
            e.Property(s => s.Version).ValueGeneratedNever();
        });
    }
}

/// <summary>One applied schema step; the highest row is the schema the database has.</summary>
public sealed class SchemaVersion
{
    public int Version { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}
