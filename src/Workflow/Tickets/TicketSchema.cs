namespace Jivrus.IncidentBot.Workflow.Tickets;

/// <summary>
/// Schema step 2, for databases created before tickets. The ticket tables and their indexes are added by the
/// start-up's add-missing-tables pass; a new column on an existing table is not, so the outbox's ticket column
/// is added here.
/// </summary>
internal static class TicketSchema
{
    public const int Version = 2;

    public const string Sqlite = """ALTER TABLE "outbox" ADD COLUMN "TicketId" INTEGER NULL;""";

    public const string Postgres = """ALTER TABLE outbox ADD COLUMN IF NOT EXISTS "TicketId" bigint;""";
}
