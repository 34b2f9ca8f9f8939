using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;

namespace OpenDti.Store.Model;

internal sealed class DataSetConfiguration : IEntityTypeConfiguration<DataSet>
{
    public void Configure(EntityTypeBuilder<DataSet> builder)
    {
        builder.ToTable("data_sets");
        builder.Property(d => d.Code).HasMaxLength(MeasureCode.MaxLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(400);
        builder.Property(d => d.NameEn).HasMaxLength(400);
        builder.Property(d => d.PeriodType).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ReportingLevel).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Framework>().WithMany().HasForeignKey(d => d.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Measures).WithOne().HasForeignKey(m => m.DataSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Units).WithOne().HasForeignKey(u => u.DataSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Deadlines).WithOne().HasForeignKey(u => u.DataSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataSetMeasureConfiguration : IEntityTypeConfiguration<DataSetMeasure>
{
    public void Configure(EntityTypeBuilder<DataSetMeasure> builder)
    {
        builder.ToTable("data_set_measures");
        builder.HasKey(m => new { m.DataSetId, m.MeasureId });
        builder.HasOne<Measure>().WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DataSetUnitConfiguration : IEntityTypeConfiguration<DataSetUnit>
{
    public void Configure(EntityTypeBuilder<DataSetUnit> builder)
    {
        builder.ToTable("data_set_units");
        builder.HasKey(u => new { u.DataSetId, u.UnitId });
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DataSetDeadlineConfiguration : IEntityTypeConfiguration<DataSetDeadline>
{
    public void Configure(EntityTypeBuilder<DataSetDeadline> builder)
    {
        builder.ToTable("data_set_deadlines");
        builder.HasKey(d => new { d.DataSetId, d.Period });
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.HasOne<DataSet>().WithMany().HasForeignKey(s => s.DataSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DataSetId, s.UnitId, s.Period }).IsUnique();
        builder.HasIndex(s => new { s.DataSetId, s.Period, s.Status });
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ReviewComment).HasMaxLength(ValueLimits.CommentLength);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
    }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> builder)
    {
        // Append-only, like the value audit: the migrations add triggers refusing UPDATE and DELETE.
        builder.ToTable(ValueLimits.SubmissionEventsTable);
        builder.HasOne<Submission>().WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.SubmissionId, e.Id });
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.StatusAfter).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Comment).HasMaxLength(ValueLimits.CommentLength);
        builder.ComplexProperty(e => e.Actor, ActorColumns.Configure);
    }
}

internal sealed class ApprovedValueConfiguration : IEntityTypeConfiguration<ApprovedValue>
{
    public void Configure(EntityTypeBuilder<ApprovedValue> builder)
    {
        builder.ToTable("approved_values");
        builder.HasOne<Submission>().WithMany().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.SubmissionId, v.ApprovalNumber, v.MeasureId }).IsUnique();
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("evidence");
        builder.HasOne<Submission>().WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(e => e.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.SubmissionId);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.ComplexProperty(e => e.Actor, ActorColumns.Configure);
    }
}

internal sealed class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> builder)
    {
        builder.ToTable("validation_rules");
        builder.HasOne<FrameworkVersion>().WithMany(v => v.Rules).HasForeignKey(r => r.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.FrameworkVersionId, r.Code }).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(MeasureCode.MaxLength);
        builder.Property(r => r.Expression).HasMaxLength(2000);
        builder.Property(r => r.Message).HasMaxLength(1000);
        builder.Property(r => r.MessageEn).HasMaxLength(1000);
    }
}
