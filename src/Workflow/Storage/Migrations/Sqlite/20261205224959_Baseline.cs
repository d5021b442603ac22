using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Sqlite;

/// <inheritdoc />
public partial class Baseline : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "channel_posts",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Channel = table.Column<string>(type: "TEXT", nullable: false),
                ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                MessageId = table.Column<string>(type: "TEXT", nullable: false),
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: true),
                Purpose = table.Column<string>(type: "TEXT", nullable: false),
                PostedAt = table.Column<long>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_channel_posts", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "conversation_references",
            columns: table => new
            {
                Channel = table.Column<string>(type: "TEXT", nullable: false),
                Key = table.Column<string>(type: "TEXT", nullable: false),
                ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                ServiceUrl = table.Column<string>(type: "TEXT", nullable: true),
                TenantId = table.Column<string>(type: "TEXT", nullable: true),
                Unreachable = table.Column<bool>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_conversation_references", x => new { x.Channel, x.Key });
            });

        migrationBuilder.CreateTable(
            name: "incident_conversations",
            columns: table => new
            {
                Channel = table.Column<string>(type: "TEXT", nullable: false),
                ConversationId = table.Column<string>(type: "TEXT", nullable: false),
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_incident_conversations", x => new { x.Channel, x.ConversationId });
            });

        migrationBuilder.CreateTable(
            name: "incident_ticket_links",
            columns: table => new
            {
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: false),
                TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                LinkedBy = table.Column<string>(type: "TEXT", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_incident_ticket_links", x => new { x.IncidentNumber, x.TicketId });
            });

        migrationBuilder.CreateTable(
            name: "incidents",
            columns: table => new
            {
                Number = table.Column<int>(type: "INTEGER", nullable: false),
                Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                Impact = table.Column<string>(type: "TEXT", nullable: true),
                Description = table.Column<string>(type: "TEXT", nullable: true),
                SeverityId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                NeedsTriage = table.Column<bool>(type: "INTEGER", nullable: false),
                State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Level = table.Column<int>(type: "INTEGER", nullable: false),
                TopRepeats = table.Column<int>(type: "INTEGER", nullable: false),
                ReachedTop = table.Column<bool>(type: "INTEGER", nullable: false),
                LadderExhausted = table.Column<bool>(type: "INTEGER", nullable: false),
                ReporterId = table.Column<string>(type: "TEXT", nullable: false),
                ReporterName = table.Column<string>(type: "TEXT", nullable: false),
                CommanderId = table.Column<string>(type: "TEXT", nullable: true),
                CommanderName = table.Column<string>(type: "TEXT", nullable: true),
                AcknowledgedById = table.Column<string>(type: "TEXT", nullable: true),
                AcknowledgedByName = table.Column<string>(type: "TEXT", nullable: true),
                ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                PagedAt = table.Column<long>(type: "INTEGER", nullable: false),
                AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                FirstAcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                MitigatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                LastUpdateAt = table.Column<long>(type: "INTEGER", nullable: false),
                NextUpdatePromisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                Eta = table.Column<long>(type: "INTEGER", nullable: true),
                UpdateNudges = table.Column<int>(type: "INTEGER", nullable: false),
                AckReminded = table.Column<bool>(type: "INTEGER", nullable: false),
                ResolveWarned = table.Column<bool>(type: "INTEGER", nullable: false),
                ResolveBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                RcaPendingSince = table.Column<long>(type: "INTEGER", nullable: true),
                RcaReminders = table.Column<int>(type: "INTEGER", nullable: false),
                RcaDueNotified = table.Column<bool>(type: "INTEGER", nullable: false),
                MitigationNote = table.Column<string>(type: "TEXT", nullable: true),
                Resolution = table.Column<string>(type: "TEXT", nullable: true),
                CancelReason = table.Column<string>(type: "TEXT", nullable: true),
                RcaRootCause = table.Column<string>(type: "TEXT", nullable: true),
                RcaActions = table.Column<string>(type: "TEXT", nullable: true),
                RcaSubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                RcaWaivedBy = table.Column<string>(type: "TEXT", nullable: true),
                RcaWaiveReason = table.Column<string>(type: "TEXT", nullable: true),
                Version = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_incidents", x => x.Number);
            });

        migrationBuilder.CreateTable(
            name: "outbox",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: true),
                TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                PersonId = table.Column<string>(type: "TEXT", nullable: true),
                Text = table.Column<string>(type: "TEXT", nullable: false),
                DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                LastError = table.Column<string>(type: "TEXT", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_outbox", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "outbox_deliveries",
            columns: table => new
            {
                OutboxId = table.Column<long>(type: "INTEGER", nullable: false),
                Channel = table.Column<string>(type: "TEXT", nullable: false),
                DeliveredAt = table.Column<long>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_outbox_deliveries", x => new { x.OutboxId, x.Channel });
            });

        migrationBuilder.CreateTable(
            name: "processed_events",
            columns: table => new
            {
                Key = table.Column<string>(type: "TEXT", nullable: false),
                At = table.Column<long>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_processed_events", x => x.Key);
            });

        migrationBuilder.CreateTable(
            name: "schema_version",
            columns: table => new
            {
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_schema_version", x => x.Version);
            });

        migrationBuilder.CreateTable(
            name: "ticket_notes",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                Body = table.Column<string>(type: "TEXT", nullable: false),
                Private = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                FailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                LastError = table.Column<string>(type: "TEXT", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ticket_notes", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "ticket_timeline",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                At = table.Column<long>(type: "INTEGER", nullable: false),
                ActorId = table.Column<string>(type: "TEXT", nullable: false),
                ActorName = table.Column<string>(type: "TEXT", nullable: false),
                Action = table.Column<string>(type: "TEXT", nullable: false),
                Text = table.Column<string>(type: "TEXT", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ticket_timeline", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "timeline",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: false),
                At = table.Column<long>(type: "INTEGER", nullable: false),
                ActorId = table.Column<string>(type: "TEXT", nullable: false),
                ActorName = table.Column<string>(type: "TEXT", nullable: false),
                Action = table.Column<string>(type: "TEXT", nullable: false),
                Text = table.Column<string>(type: "TEXT", nullable: false),
                FromState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                ToState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_timeline", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "timers",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                IncidentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_timers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "watched_tickets",
            columns: table => new
            {
                TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                Description = table.Column<string>(type: "TEXT", nullable: true),
                Priority = table.Column<int>(type: "INTEGER", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                Requester = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                ApiRespondBy = table.Column<long>(type: "INTEGER", nullable: true),
                ApiResolveBy = table.Column<long>(type: "INTEGER", nullable: true),
                BaseRespondBy = table.Column<long>(type: "INTEGER", nullable: false),
                BaseResolveBy = table.Column<long>(type: "INTEGER", nullable: false),
                RespondCredit = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                ResolveCredit = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                FirstRespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                PausedSince = table.Column<long>(type: "INTEGER", nullable: true),
                Level = table.Column<int>(type: "INTEGER", nullable: false),
                EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                RespondWarned = table.Column<bool>(type: "INTEGER", nullable: false),
                ResolveWarned = table.Column<bool>(type: "INTEGER", nullable: false),
                RespondBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                ResolveBreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_watched_tickets", x => x.TicketId);
            });

        migrationBuilder.CreateIndex(
            name: "IX_channel_posts_IncidentNumber_Channel",
            table: "channel_posts",
            columns: new[] { "IncidentNumber", "Channel" });

        migrationBuilder.CreateIndex(
            name: "IX_incident_conversations_IncidentNumber_Channel",
            table: "incident_conversations",
            columns: new[] { "IncidentNumber", "Channel" });

        migrationBuilder.CreateIndex(
            name: "IX_incident_ticket_links_TicketId",
            table: "incident_ticket_links",
            column: "TicketId");

        migrationBuilder.CreateIndex(
            name: "IX_incidents_CancelledAt",
            table: "incidents",
            column: "CancelledAt",
            filter: "\"CancelledAt\" IS NOT NULL");

        migrationBuilder.CreateIndex(
            name: "IX_incidents_ClosedAt",
            table: "incidents",
            column: "ClosedAt",
            filter: "\"ClosedAt\" IS NOT NULL");

        migrationBuilder.CreateIndex(
            name: "IX_incidents_State",
            table: "incidents",
            column: "State");

        migrationBuilder.CreateIndex(
            name: "IX_outbox_DeliveredAt",
            table: "outbox",
            column: "DeliveredAt");

        migrationBuilder.CreateIndex(
            name: "IX_processed_events_At",
            table: "processed_events",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_ticket_notes_SentAt",
            table: "ticket_notes",
            column: "SentAt");

        migrationBuilder.CreateIndex(
            name: "IX_ticket_notes_TicketId_IncidentNumber_Kind",
            table: "ticket_notes",
            columns: new[] { "TicketId", "IncidentNumber", "Kind" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ticket_timeline_TicketId",
            table: "ticket_timeline",
            column: "TicketId");

        migrationBuilder.CreateIndex(
            name: "IX_timeline_IncidentNumber",
            table: "timeline",
            column: "IncidentNumber");

        migrationBuilder.CreateIndex(
            name: "IX_timers_DueAt",
            table: "timers",
            column: "DueAt");

        migrationBuilder.CreateIndex(
            name: "IX_timers_IncidentNumber_Kind",
            table: "timers",
            columns: new[] { "IncidentNumber", "Kind" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_watched_tickets_ResolveBreachedAt",
            table: "watched_tickets",
            column: "ResolveBreachedAt");

        migrationBuilder.CreateIndex(
            name: "IX_watched_tickets_RespondBreachedAt",
            table: "watched_tickets",
            column: "RespondBreachedAt");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "channel_posts");

        migrationBuilder.DropTable(
            name: "conversation_references");

        migrationBuilder.DropTable(
            name: "incident_conversations");

        migrationBuilder.DropTable(
            name: "incident_ticket_links");

        migrationBuilder.DropTable(
            name: "incidents");

        migrationBuilder.DropTable(
            name: "outbox");

        migrationBuilder.DropTable(
            name: "outbox_deliveries");

        migrationBuilder.DropTable(
            name: "processed_events");

        migrationBuilder.DropTable(
            name: "schema_version");

        migrationBuilder.DropTable(
            name: "ticket_notes");

        migrationBuilder.DropTable(
            name: "ticket_timeline");

        migrationBuilder.DropTable(
            name: "timeline");

        migrationBuilder.DropTable(
            name: "timers");

        migrationBuilder.DropTable(
            name: "watched_tickets");
    }
}
