using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Accounts;
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

        // SQLite cannot generate a row version, so the application renews this token on every write.
        builder.Property(v => v.ConcurrencyToken).IsConcurrencyToken();
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.UserName).HasMaxLength(100);
        builder.Property(u => u.PasswordHash).HasMaxLength(400);
        builder.Property(u => u.Role).HasMaxLength(32);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
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
