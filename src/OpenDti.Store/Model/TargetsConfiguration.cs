using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Targets;

namespace OpenDti.Store.Model;

internal sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> builder)
    {
        builder.ToTable("policy_documents");
        builder.Property(d => d.Number).HasMaxLength(PolicyDocument.ShortTextLength);
        builder.Property(d => d.Title).HasMaxLength(PolicyDocument.TitleLength);
        builder.Property(d => d.TitleEn).HasMaxLength(PolicyDocument.TitleLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Issuer).HasMaxLength(PolicyDocument.ShortTextLength * 2);
        builder.Property(d => d.Link).HasMaxLength(1000);
        builder.Property(d => d.Source).HasMaxLength(1000);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(d => d.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PolicyDocument>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Targets).WithOne(t => t.Document).HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);

        // A unit records a document once: the same number twice for one unit is a mistake.
        builder.HasIndex(d => new { d.ScopeUnitId, d.Number }).IsUnique();
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("targets");
        builder.Property(t => t.Code).HasMaxLength(Target.CodeLength);
        builder.Property(t => t.Pillar).HasMaxLength(32);
        builder.Property(t => t.Name).HasMaxLength(PolicyDocument.TitleLength);
        builder.Property(t => t.NameEn).HasMaxLength(PolicyDocument.TitleLength);
        builder.Property(t => t.UnitOfMeasure).HasMaxLength(32);
        builder.Property(t => t.FrameworkCode).HasMaxLength(MeasureCode.MaxLength);
        builder.Property(t => t.IndicatorCode).HasMaxLength(MeasureCode.MaxLength);
        builder.Property(t => t.MeasureCode).HasMaxLength(MeasureCode.MaxLength);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Comparison).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Source).HasMaxLength(1000);
        builder.Property(t => t.CreatedBy).HasMaxLength(200);
        builder.Ignore(t => t.IsMeasured);
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(t => t.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.DocumentId, t.Code, t.DeadlineYear }).IsUnique();
    }
}
