using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Frameworks;

namespace OpenDti.Store.Model;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("measures");
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Property(m => m.NameEn).HasMaxLength(300);
        builder.Property(m => m.UnitOfMeasure).HasMaxLength(40);
        builder.Property(m => m.Aggregation).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Description).HasMaxLength(2000);
        builder.Property(m => m.DescriptionEn).HasMaxLength(2000);
    }
}

internal sealed class FrameworkEntityConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> builder)
    {
        builder.ToTable("frameworks");
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.Property(f => f.Name).HasMaxLength(300);
        builder.Property(f => f.NameEn).HasMaxLength(300);
        builder.Property(f => f.Description).HasMaxLength(4000);
        builder.Property(f => f.DescriptionEn).HasMaxLength(4000);
        builder.HasMany(f => f.Versions).WithOne(v => v.Framework).HasForeignKey(v => v.FrameworkId);
    }
}

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.ToTable("framework_versions");
        builder.HasIndex(v => new { v.FrameworkId, v.Version }).IsUnique();
        builder.Property(v => v.Version).HasMaxLength(32);
        builder.Property(v => v.LegalBasis).HasMaxLength(400);
        builder.Property(v => v.Description).HasMaxLength(4000);
        builder.Property(v => v.DescriptionEn).HasMaxLength(4000);
        builder.HasMany(v => v.Nodes).WithOne().HasForeignKey(n => n.FrameworkVersionId);
    }
}

internal sealed class FrameworkNodeConfiguration : IEntityTypeConfiguration<FrameworkNode>
{
    public void Configure(EntityTypeBuilder<FrameworkNode> builder)
    {
        builder.ToTable("framework_nodes");
        builder.HasIndex(n => new { n.FrameworkVersionId, n.Code }).IsUnique();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Name).HasMaxLength(300);
        builder.Property(n => n.NameEn).HasMaxLength(300);
        builder.Property(n => n.Expression).HasMaxLength(2000);
        builder.Property(n => n.UnitOfMeasure).HasMaxLength(40);
        builder.Property(n => n.Description).HasMaxLength(4000);
        builder.Property(n => n.DescriptionEn).HasMaxLength(4000);
        builder.HasOne(n => n.Parent).WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
