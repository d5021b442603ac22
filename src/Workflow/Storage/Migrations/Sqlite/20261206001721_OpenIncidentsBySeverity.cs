using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Sqlite;

/// <inheritdoc />
public partial class OpenIncidentsBySeverity : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "IX_incidents_State_SeverityId_Number",
            table: "incidents",
            columns: new[] { "State", "SeverityId", "Number" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(
            name: "IX_incidents_State_SeverityId_Number",
            table: "incidents");
    }
}
