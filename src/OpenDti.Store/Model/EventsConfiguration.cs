using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Events;
using OpenDti.Domain.Geography;

namespace OpenDti.Store.Model;

/// <summary>Lengths of the events' text columns, shared by the store and the forms that check input.</summary>
public static class EventLimits
{
    public const int Title = 400;
    public const int Text = 4000;
    public const int Name = 400;
    public const int Link = 1000;
}

internal sealed class ConferenceConfiguration : IEntityTypeConfiguration<Conference>
{
    public void Configure(EntityTypeBuilder<Conference> builder)
    {
        builder.ToTable("conferences");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Title).HasMaxLength(EventLimits.Title);
        builder.Property(c => c.Description).HasMaxLength(EventLimits.Text);
        builder.Property(c => c.Organisers).HasMaxLength(EventLimits.Text);
        builder.Property(c => c.Partners).HasMaxLength(EventLimits.Text);
        builder.Property(c => c.Audience).HasMaxLength(EventLimits.Name);
        builder.Property(c => c.VideoLink).HasMaxLength(EventLimits.Link);
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(c => c.HostUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(c => c.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.StartsAtUtc);
        builder.HasIndex(c => new { c.HostUnitId, c.StartsAtUtc });
        builder.HasMany(c => c.Agenda).WithOne().HasForeignKey(a => a.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.BridgePoints).WithOne().HasForeignKey(b => b.ConferenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("conference_agenda");
        builder.Property(a => a.Title).HasMaxLength(EventLimits.Title);
        builder.Property(a => a.Speaker).HasMaxLength(EventLimits.Name);
        builder.Property(a => a.SpeakerPosition).HasMaxLength(EventLimits.Name);
        builder.Property(a => a.Materials).HasMaxLength(EventLimits.Link);
        builder.HasIndex(a => new { a.ConferenceId, a.Order });
    }
}

internal sealed class BridgePointConfiguration : IEntityTypeConfiguration<BridgePoint>
{
    public void Configure(EntityTypeBuilder<BridgePoint> builder)
    {
        builder.ToTable("bridge_points");
        builder.Ignore(b => b.Reported);
        builder.Property(b => b.Organisation).HasMaxLength(EventLimits.Name);
        builder.Property(b => b.OrganisationKey).HasMaxLength(EventLimits.Name);
        builder.Property(b => b.Place).HasMaxLength(EventLimits.Name);
        builder.Property(b => b.ContactPerson).HasMaxLength(EventLimits.Name);
        builder.Property(b => b.ReportNote).HasMaxLength(EventLimits.Text);
        builder.HasIndex(b => new { b.ConferenceId, b.Number }).IsUnique();
    }
}

internal sealed class CheckInLinkConfiguration : IEntityTypeConfiguration<CheckInLink>
{
    public void Configure(EntityTypeBuilder<CheckInLink> builder)
    {
        builder.ToTable("check_in_links");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.BridgePointId);
        builder.HasOne<BridgePoint>().WithMany().HasForeignKey(l => l.BridgePointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceReportConfiguration : IEntityTypeConfiguration<AttendanceReport>
{
    public void Configure(EntityTypeBuilder<AttendanceReport> builder)
    {
        builder.ToTable("attendance_reports");
        builder.ComplexProperty(r => r.Attendance, a => a.Ignore(x => x.Total).Ignore(x => x.IsPlausible));
        builder.Property(r => r.Note).HasMaxLength(EventLimits.Text);
        builder.Property(r => r.RemoteAddress).HasMaxLength(64);
        builder.HasIndex(r => new { r.BridgePointId, r.Id });
        builder.HasOne<BridgePoint>().WithMany().HasForeignKey(r => r.BridgePointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CheckInLink>().WithMany().HasForeignKey(r => r.CheckInLinkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        builder.ToTable("training_courses");
        builder.Property(c => c.Title).HasMaxLength(EventLimits.Title);
        builder.Property(c => c.Description).HasMaxLength(EventLimits.Text);
        builder.HasOne<ReportingUnit>().WithMany().HasForeignKey(c => c.HostUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.HostUnitId, c.EndsOn });
        builder.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.TrainingCourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Trainees).WithOne().HasForeignKey(t => t.TrainingCourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("training_sessions");
        builder.Property(s => s.Topic).HasMaxLength(EventLimits.Title);
        builder.Property(s => s.Lecturer).HasMaxLength(EventLimits.Name);
    }
}

internal sealed class TraineeConfiguration : IEntityTypeConfiguration<Trainee>
{
    public void Configure(EntityTypeBuilder<Trainee> builder)
    {
        builder.ToTable("trainees");
        builder.Property(t => t.FullName).HasMaxLength(EventLimits.Name);
        builder.Property(t => t.Unit).HasMaxLength(EventLimits.Name);
        builder.Property(t => t.Position).HasMaxLength(EventLimits.Name);
        builder.Property(t => t.CertificateNumber).HasMaxLength(64);
    }
}
