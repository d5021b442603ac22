using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Postgres;

/// <inheritdoc />
public partial class AlertGroups : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "AlertNote",
            table: "incidents",
            type: "character varying(200)",
            maxLength: 200,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "alert_groups",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                IncidentNumber = table.Column<int>(type: "integer", nullable: false),
                InStorm = table.Column<bool>(type: "boolean", nullable: false),
                Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                FiringAlerts = table.Column<int>(type: "integer", nullable: false),
                FirstFiredAt = table.Column<long>(type: "bigint", nullable: false),
                LastSeenAt = table.Column<long>(type: "bigint", nullable: false),
                ResolvedAt = table.Column<long>(type: "bigint", nullable: true),
                LastDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_alert_groups", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_alert_groups_IncidentNumber",
            table: "alert_groups",
            column: "IncidentNumber");

        migrationBuilder.CreateIndex(
            name: "IX_alert_groups_Source_FirstFiredAt",
            table: "alert_groups",
            columns: new[] { "Source", "FirstFiredAt" });

        migrationBuilder.CreateIndex(
            name: "IX_alert_groups_Source_Key",
            table: "alert_groups",
            columns: new[] { "Source", "Key" },
            unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "alert_groups");

        migrationBuilder.DropColumn(
            name: "AlertNote",
            table: "incidents");
    }
}
