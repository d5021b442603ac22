namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// Schema step 3: incidents filed without a severity wait for triage. Incidents filed before it all had a
/// severity, so the new column starts false for them.
/// </summary>
internal static class TriageSchema
{
    public const int Version = 3;

    public const string Sqlite = """ALTER TABLE "incidents" ADD COLUMN "NeedsTriage" INTEGER NOT NULL DEFAULT 0;""";

    public const string Postgres = """ALTER TABLE incidents ADD COLUMN IF NOT EXISTS "NeedsTriage" boolean NOT NULL DEFAULT FALSE;""";
}
