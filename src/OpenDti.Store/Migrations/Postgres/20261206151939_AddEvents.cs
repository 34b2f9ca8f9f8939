using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenDti.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HostUnitId = table.Column<int>(type: "integer", nullable: false),
                    Organisers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Partners = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VideoLink = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Audience = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conferences_units_HostUnitId",
                        column: x => x.HostUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_conferences_users_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "training_courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    HostUnitId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_courses_units_HostUnitId",
                        column: x => x.HostUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bridge_points",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConferenceId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OrganisationKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Place = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ContactPerson = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ExpectedAttendance = table.Column<int>(type: "integer", nullable: false),
                    Officials = table.Column<int>(type: "integer", nullable: false),
                    PartyMembers = table.Column<int>(type: "integer", nullable: false),
                    Citizens = table.Column<int>(type: "integer", nullable: false),
                    Other = table.Column<int>(type: "integer", nullable: false),
                    ReportNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReportCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bridge_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bridge_points_conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conference_agenda",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConferenceId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Speaker = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    SpeakerPosition = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Materials = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conference_agenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conference_agenda_conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trainees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainingCourseId = table.Column<int>(type: "integer", nullable: false),
                    FullName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Unit = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Position = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trainees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trainees_training_courses_TrainingCourseId",
                        column: x => x.TrainingCourseId,
                        principalTable: "training_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainingCourseId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Lecturer = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_sessions_training_courses_TrainingCourseId",
                        column: x => x.TrainingCourseId,
                        principalTable: "training_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_in_links",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BridgePointId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_in_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_check_in_links_bridge_points_BridgePointId",
                        column: x => x.BridgePointId,
                        principalTable: "bridge_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BridgePointId = table.Column<int>(type: "integer", nullable: false),
                    CheckInLinkId = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Attendance_Citizens = table.Column<int>(type: "integer", nullable: false),
                    Attendance_Officials = table.Column<int>(type: "integer", nullable: false),
                    Attendance_Other = table.Column<int>(type: "integer", nullable: false),
                    Attendance_PartyMembers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attendance_reports_bridge_points_BridgePointId",
                        column: x => x.BridgePointId,
                        principalTable: "bridge_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_attendance_reports_check_in_links_CheckInLinkId",
                        column: x => x.CheckInLinkId,
                        principalTable: "check_in_links",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attendance_reports_BridgePointId_Id",
                table: "attendance_reports",
                columns: new[] { "BridgePointId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_attendance_reports_CheckInLinkId",
                table: "attendance_reports",
                column: "CheckInLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_bridge_points_ConferenceId_Number",
                table: "bridge_points",
                columns: new[] { "ConferenceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_check_in_links_BridgePointId",
                table: "check_in_links",
                column: "BridgePointId");

            migrationBuilder.CreateIndex(
                name: "IX_check_in_links_TokenHash",
                table: "check_in_links",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conference_agenda_ConferenceId_Order",
                table: "conference_agenda",
                columns: new[] { "ConferenceId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_conferences_CreatedByUserId",
                table: "conferences",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_conferences_HostUnitId_StartsAtUtc",
                table: "conferences",
                columns: new[] { "HostUnitId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_conferences_StartsAtUtc",
                table: "conferences",
                column: "StartsAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_trainees_TrainingCourseId",
                table: "trainees",
                column: "TrainingCourseId");

            migrationBuilder.CreateIndex(
                name: "IX_training_courses_HostUnitId_EndsOn",
                table: "training_courses",
                columns: new[] { "HostUnitId", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_training_sessions_TrainingCourseId",
                table: "training_sessions",
                column: "TrainingCourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance_reports");

            migrationBuilder.DropTable(
                name: "conference_agenda");

            migrationBuilder.DropTable(
                name: "trainees");

            migrationBuilder.DropTable(
                name: "training_sessions");

            migrationBuilder.DropTable(
                name: "check_in_links");

            migrationBuilder.DropTable(
                name: "training_courses");

            migrationBuilder.DropTable(
                name: "bridge_points");

            migrationBuilder.DropTable(
                name: "conferences");
        }
    }
}
