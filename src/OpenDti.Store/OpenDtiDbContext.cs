using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Events;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Targets;
using OpenDti.Domain.Values;
using OpenDti.Store.Model;

namespace OpenDti.Store;

/// <summary>
/// The store: one model for both providers. <see cref="SqliteOpenDtiDbContext"/> and
/// <see cref="PostgresOpenDtiDbContext"/> are thin subclasses that exist only so that each provider
/// keeps its own migration set (Migrations/Sqlite, Migrations/Postgres).
/// </summary>
public abstract class OpenDtiDbContext(DbContextOptions options) : IdentityUserContext<UserAccount, int>(options), IDataProtectionKeyContext
{
    public DbSet<ReportingUnit> Units => Set<ReportingUnit>();

    public DbSet<Succession> Successions => Set<Succession>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<Framework> Frameworks => Set<Framework>();

    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();

    public DbSet<FrameworkNode> FrameworkNodes => Set<FrameworkNode>();

    public DbSet<DataValue> DataValues => Set<DataValue>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>Append-only: the store refuses updates and deletes.</summary>
    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();

    public DbSet<DataSet> DataSets => Set<DataSet>();

    public DbSet<DataSetMeasure> DataSetMeasures => Set<DataSetMeasure>();

    public DbSet<DataSetDeadline> DataSetDeadlines => Set<DataSetDeadline>();

    public DbSet<Submission> Submissions => Set<Submission>();

    /// <summary>Append-only: the store refuses updates and deletes.</summary>
    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();

    public DbSet<ApprovedValue> ApprovedValues => Set<ApprovedValue>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    /// <summary>Append-only: the store refuses updates and deletes.</summary>
    public DbSet<ValueAudit> ValueAudit => Set<ValueAudit>();

    public DbSet<ValidationRule> ValidationRules => Set<ValidationRule>();

    public DbSet<IndexRun> IndexRuns => Set<IndexRun>();

    public DbSet<IndexRunScore> IndexRunScores => Set<IndexRunScore>();

    public DbSet<IndexRunInput> IndexRunInputs => Set<IndexRunInput>();

    public DbSet<PolicyDocument> PolicyDocuments => Set<PolicyDocument>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<Conference> Conferences => Set<Conference>();

    public DbSet<BridgePoint> BridgePoints => Set<BridgePoint>();

    public DbSet<CheckInLink> CheckInLinks => Set<CheckInLink>();

    public DbSet<AttendanceReport> AttendanceReports => Set<AttendanceReport>();

    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();

    public DbSet<Trainee> Trainees => Set<Trainee>();

    /// <summary>The latest state of every ingested one-stop-shop dossier (docs/dossier-ingest.md).</summary>
    public DbSet<DossierState> DossierStates => Set<DossierState>();

    /// <summary>Runs of <c>dossiers ingest</c>, and the page's upload jobs.</summary>
    public DbSet<DossierIngestion> DossierIngestions => Set<DossierIngestion>();

    /// <summary>The stored procedure catalogue: the latest one given to <c>dossiers ingest</c>.</summary>
    public DbSet<DossierProcedure> DossierProcedures => Set<DossierProcedure>();

    /// <summary>Which seed data sets have been applied (or, for the demo, removed), so each is applied once.</summary>
    public DbSet<SeedRecord> SeedRecords => Set<SeedRecord>();

    /// <summary>The keys that protect cookies, kept in the store so that several web instances share them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserClaim<int>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<int>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<int>>().ToTable("user_tokens");
        builder.ApplyConfigurationsFromAssembly(typeof(OpenDtiDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<UnitCode>().HaveConversion<UnitCodeConverter>().HaveMaxLength(UnitCode.MaxLength);
        configurationBuilder.Properties<MeasureCode>().HaveConversion<MeasureCodeConverter>().HaveMaxLength(MeasureCode.MaxLength);
        configurationBuilder.Properties<Period>().HaveConversion<PeriodConverter>().HaveMaxLength(7);
    }
}
