namespace OpenDti.Domain.Dossiers;

/// <summary>
/// The latest known state of one one-stop-shop dossier, as the last ingested export said: a later export
/// that lists the dossier again replaces it, so a dossier counts once however many files carry it. The KPIs
/// of a (unit, month) are recomputed from these rows. Times are Vietnam local time in whole seconds since
/// 0001-01-01, as written in the export (docs/dossier-ingest.md).
/// </summary>
public sealed class DossierState
{
    /// <summary>The dossier id of the export (mã hồ sơ), unique across exports.</summary>
    public required string DossierId { get; init; }

    /// <summary>The unit code as written in the export.</summary>
    public required string UnitCode { get; set; }

    /// <summary>The procedure code (mã thủ tục) as written in the export.</summary>
    public required string ProcedureCode { get; set; }

    /// <summary>0 online, 1 counter, 2 postal.</summary>
    public int Channel { get; set; }

    /// <summary>When the dossier was received.</summary>
    public long ReceivedAt { get; set; }

    /// <summary>When the result is due.</summary>
    public long DueAt { get; set; }

    /// <summary>Null while the dossier is open.</summary>
    public long? FinishedAt { get; set; }

    /// <summary>The status text of the export (the KPIs use FinishedAt).</summary>
    public required string Status { get; set; }

    /// <summary>The month of receipt, <c>yyyyMM</c>.</summary>
    public int Month { get; set; }

    /// <summary>The first second of the month after <see cref="Month"/>: open and due before it is overdue.</summary>
    public long MonthEnd { get; set; }

    /// <summary>The ingestion that last wrote this state.</summary>
    public long IngestionId { get; set; }
}
