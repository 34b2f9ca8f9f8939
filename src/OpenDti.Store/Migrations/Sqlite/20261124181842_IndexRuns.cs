using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenDti.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "index_runs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    UnitsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PipelineJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UncertaintyRuns = table.Column<int>(type: "INTEGER", nullable: false),
                    UncertaintySeed = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_index_runs_framework_versions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "framework_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "index_run_inputs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndexRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    DataValueId = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_run_inputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_index_run_inputs_data_values_DataValueId",
                        column: x => x.DataValueId,
                        principalTable: "data_values",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_index_run_inputs_index_runs_IndexRunId",
                        column: x => x.IndexRunId,
                        principalTable: "index_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "index_run_scores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndexRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    RankLow = table.Column<double>(type: "REAL", nullable: true),
                    RankMedian = table.Column<double>(type: "REAL", nullable: true),
                    RankHigh = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_run_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_index_run_scores_index_runs_IndexRunId",
                        column: x => x.IndexRunId,
                        principalTable: "index_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_index_run_scores_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_run_inputs_DataValueId",
                table: "index_run_inputs",
                column: "DataValueId");

            migrationBuilder.CreateIndex(
                name: "IX_index_run_inputs_IndexRunId_DataValueId",
                table: "index_run_inputs",
                columns: new[] { "IndexRunId", "DataValueId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_index_run_scores_IndexRunId_UnitId_NodeCode",
                table: "index_run_scores",
                columns: new[] { "IndexRunId", "UnitId", "NodeCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_index_run_scores_UnitId",
                table: "index_run_scores",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_index_runs_FrameworkVersionId_Period_CreatedAtUtc",
                table: "index_runs",
                columns: new[] { "FrameworkVersionId", "Period", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_run_inputs");

            migrationBuilder.DropTable(
                name: "index_run_scores");

            migrationBuilder.DropTable(
                name: "index_runs");
        }
    }
}
