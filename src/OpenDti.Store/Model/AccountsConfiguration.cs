using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;

namespace OpenDti.Store.Model;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("role_assignments");
        builder.Property(r => r.Role).HasMaxLength(32);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.UserId, r.Role, r.UnitId }).IsUnique();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Role).HasMaxLength(32);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(k => k.Units).WithOne().HasForeignKey(u => u.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyUnitConfiguration : IEntityTypeConfiguration<ApiKeyUnit>
{
    public void Configure(EntityTypeBuilder<ApiKeyUnit> builder)
    {
        builder.ToTable("api_key_units");
        builder.HasKey(u => new { u.ApiKeyId, u.UnitId });
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccountEventConfiguration : IEntityTypeConfiguration<AccountEvent>
{
    public void Configure(EntityTypeBuilder<AccountEvent> builder)
    {
        // Append-only: the migration adds triggers that refuse UPDATE and DELETE on this table.
        builder.ToTable(ValueLimits.AccountEventsTable);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.TargetUserName).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(ValueLimits.CommentLength);
        builder.ComplexProperty(e => e.Actor, ActorColumns.Configure);
        builder.HasIndex(e => new { e.TargetUserId, e.Id });
        builder.HasIndex(e => e.AtUtc);
    }
}
