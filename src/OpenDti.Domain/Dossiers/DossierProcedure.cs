namespace OpenDti.Domain.Dossiers;

/// <summary>
/// One procedure of the stored procedure catalogue (danh mục thủ tục hành chính), as the latest catalogue
/// given with <c>dossiers ingest --catalogue</c> (or the page's, or the API's) says: each catalogue upload
/// replaces the whole table, so later ingestions without a catalogue still count the full-online procedures
/// against it (docs/dossier-ingest.md).
/// </summary>
public sealed class DossierProcedure
{
    /// <summary>The procedure code (mã thủ tục), as the dossier exports write it.</summary>
    public required string Code { get; init; }

    /// <summary>The procedure's name (tên thủ tục).</summary>
    public required string Name { get; init; }

    /// <summary>Its sector (lĩnh vực).</summary>
    public required string Sector { get; init; }

    /// <summary>Whether it can be done entirely online (toàn trình, formerly level 4).</summary>
    public bool IsFullOnline { get; init; }

    /// <summary>The ingestion whose catalogue put it here.</summary>
    public long IngestionId { get; init; }
}
