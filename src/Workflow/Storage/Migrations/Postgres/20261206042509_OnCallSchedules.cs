using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jivrus.IncidentBot.Workflow.Storage.Migrations.Postgres;

/// <inheritdoc />
public partial class OnCallSchedules : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "PagedByLevel",
            table: "incidents",
            type: "character varying(2000)",
            maxLength: 2000,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "oncall_overrides",
            columns: table => new
            {
                Id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RotationId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                PersonId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                From = table.Column<long>(type: "bigint", nullable: false),
                Until = table.Column<long>(type: "bigint", nullable: false),
                CreatedById = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                CancelledAt = table.Column<long>(type: "bigint", nullable: true),
                CancelledById = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
