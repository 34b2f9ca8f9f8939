using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenDti.Domain.Dossiers;

namespace OpenDti.Store.Model;

internal sealed class DossierStateConfiguration : IEntityTypeConfiguration<DossierState>
{
    public const int IdLength = 100;

    public void Configure(EntityTypeBuilder<DossierState> builder)
    {
        builder.ToTable("dossier_states");
        builder.HasKey(d => d.DossierId);

        // Snake-case names: the ingestion writes these rows with plain SQL (prepared inserts, binary COPY).
        builder.Property(d => d.DossierId).HasColumnName("dossier_id").HasMaxLength(IdLength);
        builder.Property(d => d.UnitCode).HasColumnName("unit_code").HasMaxLength(20);
        builder.Property(d => d.ProcedureCode).HasColumnName("procedure_code").HasMaxLength(IdLength);
        builder.Property(d => d.Channel).HasColumnName("channel");
        builder.Property(d => d.ReceivedAt).HasColumnName("received_at");
        builder.Property(d => d.DueAt).HasColumnName("due_at");
        builder.Property(d => d.FinishedAt).HasColumnName("finished_at");
        builder.Property(d => d.Status).HasColumnName("status").HasMaxLength(IdLength);
        builder.Property(d => d.Month).HasColumnName("month");
        builder.Property(d => d.MonthEnd).HasColumnName("month_end");
        builder.Property(d => d.IngestionId).HasColumnName("ingestion_id");

        // KPIs are recomputed per month, grouped by unit.
        builder.HasIndex(d => new { d.Month, d.UnitCode });
    }
}

internal sealed class DossierIngestionConfiguration : IEntityTypeConfiguration<DossierIngestion>
{
    public void Configure(EntityTypeBuilder<DossierIngestion> builder)
    {
        builder.ToTable("dossier_ingestions");
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.Channel).HasMaxLength(20);
        builder.Property(i => i.ActorName).HasMaxLength(200);
        builder.Property(i => i.Message).HasMaxLength(20000);
        builder.Property(i => i.SpoolPath).HasMaxLength(1000);
        builder.Property(i => i.CatalogueFileName).HasMaxLength(260);
        builder.HasIndex(i => new { i.Status, i.CreatedAtUtc });
        builder.HasIndex(i => i.Sha256);
    }
}

internal sealed class DossierProcedureConfiguration : IEntityTypeConfiguration<DossierProcedure>
{
    public void Configure(EntityTypeBuilder<DossierProcedure> builder)
    {
        builder.ToTable("dossier_procedures");
        builder.HasKey(p => p.Code);

        // Snake-case names: the KPI queries join dossier_states to this table in plain SQL.
        builder.Property(p => p.Code).HasColumnName("code").HasMaxLength(DossierStateConfiguration.IdLength);
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(1000);
        builder.Property(p => p.Sector).HasColumnName("sector").HasMaxLength(500);
        builder.Property(p => p.IsFullOnline).HasColumnName("is_full_online");
        builder.Property(p => p.IngestionId).HasColumnName("ingestion_id");
    }
}
