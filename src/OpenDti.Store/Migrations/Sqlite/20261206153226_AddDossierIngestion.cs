using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenDti.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDossierIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_ingestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: true),
                    SkipInvalid = table.Column<bool>(type: "INTEGER", nullable: false),
                    TotalBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RejectedRows = table.Column<long>(type: "INTEGER", nullable: false),
                    DossiersAdded = table.Column<long>(type: "INTEGER", nullable: false),
                    DossiersUpdated = table.Column<long>(type: "INTEGER", nullable: false),
                    ValuesWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SpoolPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_ingestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_states",
                columns: table => new
                {
                    dossier_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    procedure_code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    month_end = table.Column<long>(type: "INTEGER", nullable: false),
                    ingestion_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_states", x => x.dossier_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_ingestions_Sha256",
                table: "dossier_ingestions",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_ingestions_Status_CreatedAtUtc",
                table: "dossier_ingestions",
                columns: new[] { "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_states_month_unit_code",
                table: "dossier_states",
                columns: new[] { "month", "unit_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_ingestions");

            migrationBuilder.DropTable(
                name: "dossier_states");
        }
    }
}
