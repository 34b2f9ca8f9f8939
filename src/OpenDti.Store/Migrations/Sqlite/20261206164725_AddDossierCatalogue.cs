using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenDti.Store.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAtUtc",
                table: "dossier_ingestions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dossier_procedures",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    is_full_online = table.Column<bool>(type: "INTEGER", nullable: false),
                    ingestion_id = table.Column<long>(type: "INTEGER", nullable: false)
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
