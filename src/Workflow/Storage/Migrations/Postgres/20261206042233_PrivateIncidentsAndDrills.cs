using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Postgres;

/// <inheritdoc />
public partial class PrivateIncidentsAndDrills : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(
            name: "IsDrill",
            table: "incidents",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<bool>(
            name: "IsPrivate",
            table: "incidents",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        migrationBuilder.CreateIndex(
            name: "IX_incidents_IsDrill_State",
            table: "incidents",
            columns: new[] { "IsDrill", "State" });

        migrationBuilder.CreateIndex(
            name: "IX_incidents_IsPrivate_State",
            table: "incidents",
            columns: new[] { "IsPrivate", "State" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(
            name: "IX_incidents_IsDrill_State",
            table: "incidents");

        migrationBuilder.DropIndex(
            name: "IX_incidents_IsPrivate_State",
            table: "incidents");

        migrationBuilder.DropColumn(
            name: "IsDrill",
            table: "incidents");

        migrationBuilder.DropColumn(
            name: "IsPrivate",
            table: "incidents");
    }
}
