using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Postgres;

/// <inheritdoc />
public partial class CorrectiveActions : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(
            name: "ActionNumber",
            table: "outbox",
            type: "integer",
            nullable: true);

        migrationBuilder.CreateTable(
            name: "corrective_actions",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                IncidentNumber = table.Column<int>(type: "integer", nullable: false),
                Number = table.Column<int>(type: "integer", nullable: false),
                Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                OwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                OwnerName = table.Column<string>(type: "text", nullable: true),
                DueAt = table.Column<long>(type: "bigint", nullable: true),
                State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                DropReason = table.Column<string>(type: "text", nullable: true),
                CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                CreatedByName = table.Column<string>(type: "text", nullable: false),
                ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                ClosedByName = table.Column<string>(type: "text", nullable: true),
                Reminded = table.Column<bool>(type: "boolean", nullable: false),
                OverdueNotified = table.Column<bool>(type: "boolean", nullable: false),
                Version = table.Column<int>(type: "integer", nullable: false)
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
