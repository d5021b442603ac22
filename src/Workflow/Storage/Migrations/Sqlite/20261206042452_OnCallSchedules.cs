using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Sqlite;

/// <inheritdoc />
public partial class OnCallSchedules : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "PagedByLevel",
            table: "incidents",
            type: "TEXT",
            maxLength: 2000,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "oncall_overrides",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                RotationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                PersonId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                From = table.Column<long>(type: "INTEGER", nullable: false),
                Until = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                CancelledById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_oncall_overrides", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_oncall_overrides_Until",
            table: "oncall_overrides",
            column: "Until");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "oncall_overrides");

        migrationBuilder.DropColumn(
            name: "PagedByLevel",
            table: "incidents");
    }
}
