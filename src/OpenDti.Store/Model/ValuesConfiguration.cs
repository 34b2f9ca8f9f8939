using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;

namespace OpenDti.Store.Model;

internal sealed class DataValueConfiguration : IEntityTypeConfiguration<DataValue>
{
    public void Configure(EntityTypeBuilder<DataValue> builder)
    {
        builder.ToTable("data_values");
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.UnitId, v.MeasureId, v.Period }).IsUnique();
        builder.HasIndex(v => new { v.MeasureId, v.Period });
        builder.HasIndex(v => v.IsDemo);
        builder.Property(v => v.Source).HasMaxLength(16);
        builder.Property(v => v.Comment).HasMaxLength(ValueLimits.CommentLength);

        // SQLite cannot generate a row version, so the application renews this token on every write.
        builder.Property(v => v.ConcurrencyToken).IsConcurrencyToken();
    }
}

internal sealed class SeedRecordConfiguration : IEntityTypeConfiguration<Model.SeedRecord>
{
    public void Configure(EntityTypeBuilder<Model.SeedRecord> builder)
    {
        builder.ToTable("seed_records");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
    }
}

internal sealed class ValueAuditConfiguration : IEntityTypeConfiguration<ValueAudit>
{
    public void Configure(EntityTypeBuilder<ValueAudit> builder)
    {
        // Append-only: the migrations add triggers that refuse UPDATE and DELETE on this table.
        builder.ToTable(ValueLimits.AuditTable);
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measure>().WithMany().HasForeignKey(a => a.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UnitId, a.MeasureId, a.Period, a.Id });
        builder.HasIndex(a => a.AtUtc);
        builder.Property(a => a.OldComment).HasMaxLength(ValueLimits.CommentLength);
        builder.Property(a => a.NewComment).HasMaxLength(ValueLimits.CommentLength);
        builder.Property(a => a.Reason).HasMaxLength(ValueLimits.CommentLength);
        builder.ComplexProperty(a => a.Actor, ActorColumns.Configure);
    }
}
