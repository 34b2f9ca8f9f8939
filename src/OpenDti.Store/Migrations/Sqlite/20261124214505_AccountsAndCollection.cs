using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenDti.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsAndCollection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Accounts before this migration held one role on one unit in the users row; keep them as role assignments.
            migrationBuilder.Sql("CREATE TABLE users_roles_v1 AS SELECT \"Id\", \"Role\", \"UnitId\", \"CreatedAtUtc\" FROM users;");

            migrationBuilder.DropForeignKey(
                name: "FK_users_units_UnitId",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_users_UnitId",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_users_UserName",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "users");

            migrationBuilder.RenameColumn(
                name: "UnitId",
                table: "users",
                newName: "TwoFactorEnabled");

            migrationBuilder.AlterColumn<string>(
                name: "UserName",
                table: "users",
                type: "TEXT",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "PasswordHash",
                table: "users",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 400);

            migrationBuilder.AddColumn<int>(
                name: "AccessFailedCount",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ConcurrencyStamp",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "users",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "users",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailConfirmed",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LockoutEnabled",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockoutEnd",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedEmail",
                table: "users",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedUserName",
                table: "users",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneNumber",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PhoneNumberConfirmed",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "data_values",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_keys_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReportingLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DefaultDeadlineDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_sets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_data_sets_frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_role_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_role_assignments_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_role_assignments_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_user_claims_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_user_logins_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_user_tokens_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "validation_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Expression = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MessageEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_validation_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_validation_rules_framework_versions_FrameworkVersionId",
                        column: x => x.FrameworkVersionId,
                        principalTable: "framework_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "value_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    OldValue = table.Column<double>(type: "REAL", nullable: true),
                    NewValue = table.Column<double>(type: "REAL", nullable: true),
                    OldComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_api_key_id = table.Column<int>(type: "INTEGER", nullable: true),
                    actor_channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    actor_user_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_value_audit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_value_audit_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_value_audit_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_key_units",
                columns: table => new
                {
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_key_units", x => new { x.ApiKeyId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_api_key_units_api_keys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "api_keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_api_key_units_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_set_deadlines",
                columns: table => new
                {
                    DataSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_set_deadlines", x => new { x.DataSetId, x.Period });
                    table.ForeignKey(
                        name: "FK_data_set_deadlines_data_sets_DataSetId",
                        column: x => x.DataSetId,
                        principalTable: "data_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "data_set_measures",
                columns: table => new
                {
                    DataSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Minimum = table.Column<double>(type: "REAL", nullable: true),
                    Maximum = table.Column<double>(type: "REAL", nullable: true),
                    WholeNumber = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_set_measures", x => new { x.DataSetId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_data_set_measures_data_sets_DataSetId",
                        column: x => x.DataSetId,
                        principalTable: "data_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_data_set_measures_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_set_units",
                columns: table => new
                {
                    DataSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_set_units", x => new { x.DataSetId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_data_set_units_data_sets_DataSetId",
                        column: x => x.DataSetId,
                        principalTable: "data_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_data_set_units_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DataSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApprovalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_submissions_data_sets_DataSetId",
                        column: x => x.DataSetId,
                        principalTable: "data_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_submissions_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "approved_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovalNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approved_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approved_values_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_approved_values_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_api_key_id = table.Column<int>(type: "INTEGER", nullable: true),
                    actor_channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    actor_user_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evidence_measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_evidence_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "submission_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusAfter = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    actor_api_key_id = table.Column<int>(type: "INTEGER", nullable: true),
                    actor_channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    actor_user_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submission_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_submission_events_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_key_units_UnitId",
                table: "api_key_units",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_Prefix",
                table: "api_keys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_UserId",
                table: "api_keys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_approved_values_MeasureId",
                table: "approved_values",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_approved_values_SubmissionId_ApprovalNumber_MeasureId",
                table: "approved_values",
                columns: new[] { "SubmissionId", "ApprovalNumber", "MeasureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_set_measures_MeasureId",
                table: "data_set_measures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_data_set_units_UnitId",
                table: "data_set_units",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_data_sets_Code",
                table: "data_sets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_sets_FrameworkId",
                table: "data_sets",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_MeasureId",
                table: "evidence",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_SubmissionId",
                table: "evidence",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_role_assignments_UnitId",
                table: "role_assignments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_role_assignments_UserId_Role_UnitId",
                table: "role_assignments",
                columns: new[] { "UserId", "Role", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submission_events_SubmissionId_Id",
                table: "submission_events",
                columns: new[] { "SubmissionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_DataSetId_Period_Status",
                table: "submissions",
                columns: new[] { "DataSetId", "Period", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_DataSetId_UnitId_Period",
                table: "submissions",
                columns: new[] { "DataSetId", "UnitId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submissions_UnitId",
                table: "submissions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_user_claims_UserId",
                table: "user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_user_logins_UserId",
                table: "user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_validation_rules_FrameworkVersionId_Code",
                table: "validation_rules",
                columns: new[] { "FrameworkVersionId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_value_audit_AtUtc",
                table: "value_audit",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_value_audit_MeasureId",
                table: "value_audit",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_value_audit_UnitId_MeasureId_Period_Id",
                table: "value_audit",
                columns: new[] { "UnitId", "MeasureId", "Period", "Id" });

            migrationBuilder.Sql("""
                UPDATE users SET "TwoFactorEnabled" = 0, "LockoutEnabled" = 1, "NormalizedUserName" = UPPER("UserName"), "SecurityStamp" = lower(hex(randomblob(16)));
                INSERT INTO role_assignments ("UserId", "Role", "UnitId", "GrantedAtUtc") SELECT "Id", "Role", "UnitId", "CreatedAtUtc" FROM users_roles_v1;
                DROP TABLE users_roles_v1;
                """);

            // The audit trail and the submission history are append-only, whatever writes to the store.
            foreach (var table in new[] { "value_audit", "submission_events" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "value_audit", "submission_events" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_update;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_delete;");
            }

            migrationBuilder.DropTable(
                name: "api_key_units");

            migrationBuilder.DropTable(
                name: "approved_values");

            migrationBuilder.DropTable(
                name: "data_set_deadlines");

            migrationBuilder.DropTable(
                name: "data_set_measures");

            migrationBuilder.DropTable(
                name: "data_set_units");

            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "role_assignments");

            migrationBuilder.DropTable(
                name: "submission_events");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "validation_rules");

            migrationBuilder.DropTable(
                name: "value_audit");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropTable(
                name: "data_sets");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "users");

            migrationBuilder.DropIndex(
                name: "UserNameIndex",
                table: "users");

            migrationBuilder.DropColumn(
                name: "AccessFailedCount",
                table: "users");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "users");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "users");

            migrationBuilder.DropColumn(
                name: "EmailConfirmed",
                table: "users");

            migrationBuilder.DropColumn(
                name: "LockoutEnabled",
                table: "users");

            migrationBuilder.DropColumn(
                name: "LockoutEnd",
                table: "users");

            migrationBuilder.DropColumn(
                name: "NormalizedEmail",
                table: "users");

            migrationBuilder.DropColumn(
                name: "NormalizedUserName",
                table: "users");

            migrationBuilder.DropColumn(
                name: "PhoneNumber",
                table: "users");

            migrationBuilder.DropColumn(
                name: "PhoneNumberConfirmed",
                table: "users");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "data_values");

            migrationBuilder.RenameColumn(
                name: "TwoFactorEnabled",
                table: "users",
                newName: "UnitId");

            migrationBuilder.AlterColumn<string>(
                name: "UserName",
                table: "users",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 256,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PasswordHash",
                table: "users",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "users",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_users_UnitId",
                table: "users",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_users_UserName",
                table: "users",
                column: "UserName",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_users_units_UnitId",
                table: "users",
                column: "UnitId",
                principalTable: "units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
