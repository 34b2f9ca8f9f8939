using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenDti.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDossierCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CatalogueFileName",
                table: "dossier_ingestions",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAtUtc",
                table: "dossier_ingestions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dossier_procedures",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    sector = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    is_full_online = table.Column<bool>(type: "boolean", nullable: false),
                    ingestion_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_procedures", x => x.code);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_procedures");

            migrationBuilder.DropColumn(
                name: "CatalogueFileName",
                table: "dossier_ingestions");

            migrationBuilder.DropColumn(
                name: "HeartbeatAtUtc",
                table: "dossier_ingestions");
        }
    }
}
