using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Sqlite;

/// <inheritdoc />
public partial class CorrectiveActions : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(
            name: "ActionNumber",
            table: "outbox",
            type: "INTEGER",
            nullable: true);

        migrationBuilder.CreateTable(
            name: "corrective_actions",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                IncidentNumber = table.Column<int>(type: "INTEGER", nullable: false),
                Number = table.Column<int>(type: "INTEGER", nullable: false),
                Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                OwnerName = table.Column<string>(type: "TEXT", nullable: true),
                DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                DropReason = table.Column<string>(type: "TEXT", nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedByName = table.Column<string>(type: "TEXT", nullable: false),
                ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                ClosedByName = table.Column<string>(type: "TEXT", nullable: true),
                Reminded = table.Column<bool>(type: "INTEGER", nullable: false),
                OverdueNotified = table.Column<bool>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_corrective_actions", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_corrective_actions_IncidentNumber_Number",
            table: "corrective_actions",
            columns: new[] { "IncidentNumber", "Number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_corrective_actions_State_DueAt",
            table: "corrective_actions",
            columns: new[] { "State", "DueAt" });

        migrationBuilder.CreateIndex(
            name: "IX_corrective_actions_State_OwnerId",
            table: "corrective_actions",
            columns: new[] { "State", "OwnerId" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "corrective_actions");

        migrationBuilder.DropColumn(
            name: "ActionNumber",
            table: "outbox");
    }
}
