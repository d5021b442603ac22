-- Schema 3 as the builds before EF Core migrations created it, frozen. A database from those builds gets
-- what it lacks of it (IF NOT EXISTS) before the Baseline migration is recorded as applied; see LegacySchema.

CREATE TABLE IF NOT EXISTS "channel_posts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_channel_posts" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "MessageId" TEXT NOT NULL,
    "IncidentNumber" INTEGER NULL,
    "Purpose" TEXT NOT NULL,
    "PostedAt" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS "conversation_references" (
    "Channel" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "ServiceUrl" TEXT NULL,
    "TenantId" TEXT NULL,
    "Unreachable" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_conversation_references" PRIMARY KEY ("Channel", "Key")
);

CREATE TABLE IF NOT EXISTS "incident_conversations" (
    "Channel" TEXT NOT NULL,
    "ConversationId" TEXT NOT NULL,
    "IncidentNumber" INTEGER NOT NULL,
    CONSTRAINT "PK_incident_conversations" PRIMARY KEY ("Channel", "ConversationId")
);

CREATE TABLE IF NOT EXISTS "incident_ticket_links" (
    "IncidentNumber" INTEGER NOT NULL,
    "TicketId" INTEGER NOT NULL,
    "LinkedAt" INTEGER NOT NULL,
    "LinkedBy" TEXT NOT NULL,
    CONSTRAINT "PK_incident_ticket_links" PRIMARY KEY ("IncidentNumber", "TicketId")
);

CREATE TABLE IF NOT EXISTS "incidents" (
    "Number" INTEGER NOT NULL CONSTRAINT "PK_incidents" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Impact" TEXT NULL,
    "Description" TEXT NULL,
    "SeverityId" TEXT NOT NULL,
    "NeedsTriage" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "TopRepeats" INTEGER NOT NULL,
    "ReachedTop" INTEGER NOT NULL,
    "LadderExhausted" INTEGER NOT NULL,
    "ReporterId" TEXT NOT NULL,
    "ReporterName" TEXT NOT NULL,
    "CommanderId" TEXT NULL,
    "CommanderName" TEXT NULL,
    "AcknowledgedById" TEXT NULL,
    "AcknowledgedByName" TEXT NULL,
    "ReportedAt" INTEGER NOT NULL,
    "PagedAt" INTEGER NOT NULL,
    "AcknowledgedAt" INTEGER NULL,
    "FirstAcknowledgedAt" INTEGER NULL,
    "MitigatedAt" INTEGER NULL,
    "ResolvedAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "CancelledAt" INTEGER NULL,
    "LastUpdateAt" INTEGER NOT NULL,
    "NextUpdatePromisedAt" INTEGER NULL,
    "Eta" INTEGER NULL,
    "UpdateNudges" INTEGER NOT NULL,
    "AckReminded" INTEGER NOT NULL,
    "ResolveWarned" INTEGER NOT NULL,
    "ResolveBreached" INTEGER NOT NULL,
    "RcaPendingSince" INTEGER NULL,
    "RcaReminders" INTEGER NOT NULL,
    "RcaDueNotified" INTEGER NOT NULL,
    "MitigationNote" TEXT NULL,
    "Resolution" TEXT NULL,
    "CancelReason" TEXT NULL,
    "RcaRootCause" TEXT NULL,
    "RcaActions" TEXT NULL,
    "RcaSubmittedAt" INTEGER NULL,
    "RcaWaivedBy" TEXT NULL,
    "RcaWaiveReason" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS "outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox" PRIMARY KEY AUTOINCREMENT,
    "CreatedAt" INTEGER NOT NULL,
    "IncidentNumber" INTEGER NULL,
    "TicketId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "PersonId" TEXT NULL,
    "Text" TEXT NOT NULL,
    "DeliveredAt" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NULL,
    "LastError" TEXT NULL
);

CREATE TABLE IF NOT EXISTS "outbox_deliveries" (
    "OutboxId" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "DeliveredAt" INTEGER NOT NULL,
    CONSTRAINT "PK_outbox_deliveries" PRIMARY KEY ("OutboxId", "Channel")
);

CREATE TABLE IF NOT EXISTS "processed_events" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_processed_events" PRIMARY KEY,
    "At" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS "schema_version" (
    "Version" INTEGER NOT NULL CONSTRAINT "PK_schema_version" PRIMARY KEY,
    "AppliedAt" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS "ticket_notes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ticket_notes" PRIMARY KEY AUTOINCREMENT,
    "TicketId" INTEGER NOT NULL,
    "IncidentNumber" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Private" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "FailedAt" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NULL,
    "LastError" TEXT NULL
);

CREATE TABLE IF NOT EXISTS "ticket_timeline" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ticket_timeline" PRIMARY KEY AUTOINCREMENT,
    "TicketId" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Text" TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS "timeline" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_timeline" PRIMARY KEY AUTOINCREMENT,
    "IncidentNumber" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "FromState" TEXT NOT NULL,
    "ToState" TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS "timers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_timers" PRIMARY KEY AUTOINCREMENT,
    "IncidentNumber" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "IncidentVersion" INTEGER NOT NULL,
    "ClaimedUntil" INTEGER NULL
);

CREATE TABLE IF NOT EXISTS "watched_tickets" (
    "TicketId" INTEGER NOT NULL CONSTRAINT "PK_watched_tickets" PRIMARY KEY,
    "Subject" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Priority" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Requester" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ApiRespondBy" INTEGER NULL,
    "ApiResolveBy" INTEGER NULL,
    "BaseRespondBy" INTEGER NOT NULL,
    "BaseResolveBy" INTEGER NOT NULL,
    "RespondCredit" TEXT NOT NULL,
    "ResolveCredit" TEXT NOT NULL,
    "FirstRespondedAt" INTEGER NULL,
    "PausedSince" INTEGER NULL,
    "Level" INTEGER NOT NULL,
    "EscalatedAt" INTEGER NULL,
    "RespondWarned" INTEGER NOT NULL,
    "ResolveWarned" INTEGER NOT NULL,
    "RespondBreachedAt" INTEGER NULL,
    "ResolveBreachedAt" INTEGER NULL,
    "LastSeenAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS "IX_channel_posts_IncidentNumber_Channel" ON "channel_posts" ("IncidentNumber", "Channel");

CREATE INDEX IF NOT EXISTS "IX_incident_conversations_IncidentNumber_Channel" ON "incident_conversations" ("IncidentNumber", "Channel");

CREATE INDEX IF NOT EXISTS "IX_incident_ticket_links_TicketId" ON "incident_ticket_links" ("TicketId");

CREATE INDEX IF NOT EXISTS "IX_incidents_CancelledAt" ON "incidents" ("CancelledAt") WHERE "CancelledAt" IS NOT NULL;

CREATE INDEX IF NOT EXISTS "IX_incidents_ClosedAt" ON "incidents" ("ClosedAt") WHERE "ClosedAt" IS NOT NULL;

CREATE INDEX IF NOT EXISTS "IX_incidents_State" ON "incidents" ("State");

CREATE INDEX IF NOT EXISTS "IX_outbox_DeliveredAt" ON "outbox" ("DeliveredAt");

CREATE INDEX IF NOT EXISTS "IX_processed_events_At" ON "processed_events" ("At");

CREATE INDEX IF NOT EXISTS "IX_ticket_notes_SentAt" ON "ticket_notes" ("SentAt");

CREATE UNIQUE INDEX IF NOT EXISTS "IX_ticket_notes_TicketId_IncidentNumber_Kind" ON "ticket_notes" ("TicketId", "IncidentNumber", "Kind");

CREATE INDEX IF NOT EXISTS "IX_ticket_timeline_TicketId" ON "ticket_timeline" ("TicketId");

CREATE INDEX IF NOT EXISTS "IX_timeline_IncidentNumber" ON "timeline" ("IncidentNumber");

CREATE INDEX IF NOT EXISTS "IX_timers_DueAt" ON "timers" ("DueAt");

CREATE UNIQUE INDEX IF NOT EXISTS "IX_timers_IncidentNumber_Kind" ON "timers" ("IncidentNumber", "Kind");

CREATE INDEX IF NOT EXISTS "IX_watched_tickets_ResolveBreachedAt" ON "watched_tickets" ("ResolveBreachedAt");

CREATE INDEX IF NOT EXISTS "IX_watched_tickets_RespondBreachedAt" ON "watched_tickets" ("RespondBreachedAt");

