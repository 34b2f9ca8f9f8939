using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Values;

namespace OpenDti.Store.Model;

internal sealed class IndexRunConfiguration : IEntityTypeConfiguration<IndexRun>
{
    public void Configure(EntityTypeBuilder<IndexRun> builder)
    {
        builder.ToTable("index_runs");
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(r => r.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PipelineJson).HasMaxLength(20000);
        builder.Property(r => r.Notes).HasMaxLength(2000);
        builder.Property(r => r.CreatedBy).HasMaxLength(100);
        builder.HasIndex(r => new { r.FrameworkVersionId, r.Period, r.CreatedAtUtc });
    }
}

internal sealed class IndexRunScoreConfiguration : IEntityTypeConfiguration<IndexRunScore>
{
    public void Configure(EntityTypeBuilder<IndexRunScore> builder)
    {
        builder.ToTable("index_run_scores");
        builder.HasOne<IndexRun>().WithMany().HasForeignKey(s => s.IndexRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.NodeCode).HasMaxLength(MeasureCode.MaxLength);
        builder.HasIndex(s => new { s.IndexRunId, s.UnitId, s.NodeCode }).IsUnique();
    }
}

internal sealed class IndexRunInputConfiguration : IEntityTypeConfiguration<IndexRunInput>
{
    public void Configure(EntityTypeBuilder<IndexRunInput> builder)
    {
        builder.ToTable("index_run_inputs");
        builder.HasOne<IndexRun>().WithMany().HasForeignKey(i => i.IndexRunId).OnDelete(DeleteBehavior.Cascade);

        // A value an index run read cannot be deleted without deleting the run: the chain from a published
        // rank back to its inputs stays whole.
        builder.HasOne<DataValue>().WithMany().HasForeignKey(i => i.DataValueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.IndexRunId, i.DataValueId }).IsUnique();
    }
}
