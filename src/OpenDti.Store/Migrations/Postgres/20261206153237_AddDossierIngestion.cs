using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenDti.Store.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: true),
                    ApiKeyId = table.Column<int>(type: "integer", nullable: true),
                    SkipInvalid = table.Column<bool>(type: "boolean", nullable: false),
                    TotalBytes = table.Column<long>(type: "bigint", nullable: false),
                    BytesRead = table.Column<long>(type: "bigint", nullable: false),
                    RowsRead = table.Column<long>(type: "bigint", nullable: false),
                    RejectedRows = table.Column<long>(type: "bigint", nullable: false),
                    DossiersAdded = table.Column<long>(type: "bigint", nullable: false),
                    DossiersUpdated = table.Column<long>(type: "bigint", nullable: false),
                    ValuesWritten = table.Column<long>(type: "bigint", nullable: false),
                    Message = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SpoolPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_ingestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_states",
                columns: table => new
                {
                    dossier_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    procedure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<long>(type: "bigint", nullable: false),
                    due_at = table.Column<long>(type: "bigint", nullable: false),
                    finished_at = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    month_end = table.Column<long>(type: "bigint", nullable: false),
                    ingestion_id = table.Column<long>(type: "bigint", nullable: false)
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
