using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Sqlite;

/// <inheritdoc />
public partial class TimerSubjects : Migration
{
    /// <summary>
    /// Timer rows say what they are for: the old incident number column becomes the subject id (64-bit, for
    /// Freshdesk ticket ids above 2^31) and a subject column is added. Existing rows are converted: 0 was the
    /// summaries, a negative number -n was ticket n, a positive one an incident. Schema version 4 is recorded so
    /// a build from before migrations refuses this database instead of misreading its timers.
    /// </summary>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(
            name: "IX_timers_IncidentNumber_Kind",
            table: "timers");

        migrationBuilder.RenameColumn(
            name: "IncidentNumber",
            table: "timers",
            newName: "SubjectId");

        migrationBuilder.AddColumn<string>(
            name: "Subject",
            table: "timers",
            type: "TEXT",
            maxLength: 20,
            nullable: false,
            defaultValue: "");

        migrationBuilder.Sql(
            """
            UPDATE "timers" SET
                "Subject" = CASE WHEN "SubjectId" = 0 THEN 'Summary' WHEN "SubjectId" < 0 THEN 'Ticket' ELSE 'Incident' END,
                "SubjectId" = CASE WHEN "SubjectId" < 0 THEN -"SubjectId" ELSE "SubjectId" END;
            """);

        migrationBuilder.CreateIndex(
            name: "IX_timers_Subject_SubjectId_Kind",
            table: "timers",
            columns: new[] { "Subject", "SubjectId", "Kind" },
            unique: true);

        migrationBuilder.Sql(
            """
            INSERT INTO "schema_version" ("Version", "AppliedAt")
            SELECT 4, 0 WHERE NOT EXISTS (SELECT 1 FROM "schema_version" WHERE "Version" = 4);
            """);
    }

    /// <summary>Back to incident numbers; a ticket id above 2^31 cannot go back and fails the step.</summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DELETE FROM "schema_version" WHERE "Version" = 4;""");

        migrationBuilder.DropIndex(
            name: "IX_timers_Subject_SubjectId_Kind",
            table: "timers");

        migrationBuilder.Sql(
            """
            UPDATE "timers" SET "SubjectId" = CASE "Subject" WHEN 'Summary' THEN 0 WHEN 'Ticket' THEN -"SubjectId" ELSE "SubjectId" END;
            """);

        migrationBuilder.DropColumn(
            name: "Subject",
            table: "timers");

        migrationBuilder.RenameColumn(
            name: "SubjectId",
            table: "timers",
            newName: "IncidentNumber");

        migrationBuilder.CreateIndex(
            name: "IX_timers_IncidentNumber_Kind",
            table: "timers",
            columns: new[] { "IncidentNumber", "Kind" },
            unique: true);
    }
}
