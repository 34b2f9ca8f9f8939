using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenDti.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policy_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScopeUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_policy_documents_policy_documents_ParentId",
                        column: x => x.ParentId,
                        principalTable: "policy_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_policy_documents_units_ScopeUnitId",
                        column: x => x.ScopeUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Pillar = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UnitOfMeasure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FrameworkCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScopeUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    BaselineValue = table.Column<double>(type: "REAL", nullable: true),
                    BaselineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetValue = table.Column<double>(type: "REAL", nullable: false),
                    DeadlineYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Comparison = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_targets_policy_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "policy_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_targets_units_ScopeUnitId",
                        column: x => x.ScopeUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_policy_documents_ParentId",
                table: "policy_documents",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_documents_ScopeUnitId_Number",
                table: "policy_documents",
                columns: new[] { "ScopeUnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_targets_DocumentId_Code_DeadlineYear",
                table: "targets",
                columns: new[] { "DocumentId", "Code", "DeadlineYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_targets_ScopeUnitId",
                table: "targets",
                column: "ScopeUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "policy_documents");
        }
    }
}
