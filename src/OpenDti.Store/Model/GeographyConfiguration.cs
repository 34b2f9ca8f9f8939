using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Geography;

namespace OpenDti.Store.Model;

internal sealed class ReportingUnitConfiguration : IEntityTypeConfiguration<ReportingUnit>
{
    public void Configure(EntityTypeBuilder<ReportingUnit> builder)
    {
        builder.ToTable("units");
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.NameEn).HasMaxLength(200);
        builder.Property(u => u.Level).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);

        // A code names one unit at a time; the same code can return after a reorganisation.
        builder.HasIndex(u => new { u.Code, u.ValidFrom }).IsUnique();

        // Both providers treat NULLs as distinct in a unique index, so "since before our records"
        // (no ValidFrom) needs its own: one open-start unit per code.
        builder.HasIndex(u => u.Code, "IX_units_Code_open_start").IsUnique().HasFilter("\"ValidFrom\" IS NULL");
        builder.HasIndex(u => new { u.Level, u.ValidFrom, u.ValidTo });
    }
}

internal sealed class SuccessionConfiguration : IEntityTypeConfiguration<Succession>
{
    public void Configure(EntityTypeBuilder<Succession> builder)
    {
        builder.ToTable("successions");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.LegalBasis).HasMaxLength(200);
        builder.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
        builder.HasIndex(s => s.SuccessorId);
    }
}
