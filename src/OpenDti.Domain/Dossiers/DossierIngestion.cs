namespace OpenDti.Domain.Dossiers;

/// <summary>
/// One run of <c>dossiers ingest</c> (command line, page or API): what was read, how far it got, and how it
/// ended. A page's upload is a job in this table: the page polls its progress, and a worker claims it by
/// moving it from queued to running in one conditional update, so it runs once whichever instance sees it.
/// </summary>
public sealed class DossierIngestion
{
    /// <summary>The store's key.</summary>
    public long Id { get; set; }

    /// <summary>The file's name as given (no path).</summary>
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the file, hex: the same file given again is recognised.</summary>
    public required string Sha256 { get; init; }

    /// <summary><see cref="DossierIngestionStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>The channel it came through (cli, upload, api).</summary>
    public required string Channel { get; init; }

    /// <summary>Who ran it, as the audit trail names them.</summary>
    public required string ActorName { get; init; }

    /// <summary>The account that ran it, if any (not on the command line).</summary>
    public int? UserId { get; init; }

    /// <summary>The API key it came with, if any.</summary>
    public int? ApiKeyId { get; init; }

    /// <summary>Whether invalid rows were skipped (to a side file) instead of refusing the file.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The size of the file.</summary>
    public long TotalBytes { get; set; }

    /// <summary>How far the reading got (for the progress bar).</summary>
    public long BytesRead { get; set; }

    /// <summary>Valid rows read.</summary>
    public long RowsRead { get; set; }

    /// <summary>Rows rejected (only with SkipInvalid; otherwise the file was refused).</summary>
    public long RejectedRows { get; set; }

    /// <summary>Dossiers seen for the first time.</summary>
    public long DossiersAdded { get; set; }

    /// <summary>Dossiers already stored whose state this file replaced (or repeated).</summary>
    public long DossiersUpdated { get; set; }

    /// <summary>Measure values changed, each with its audit entry.</summary>
    public long ValuesWritten { get; set; }

    /// <summary>Why it failed, or a short summary; problems with their line and column.</summary>
    public string? Message { get; set; }

    /// <summary>Where a queued upload waits to be read (the worker deletes it).</summary>
    public string? SpoolPath { get; set; }

    /// <summary>When it was started or uploaded.</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>When a worker claimed it.</summary>
    public DateTime? StartedAtUtc { get; set; }

    /// <summary>When it ended.</summary>
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>
    /// The last sign of life of the process running it (every few seconds while it runs): a running ingestion
    /// whose heartbeat is older than <see cref="DossierIngestionStatus.StaleAfter"/> was interrupted (its process
    /// stopped) and is marked failed; its transaction never committed, so nothing of it was written.
    /// </summary>
    public DateTime? HeartbeatAtUtc { get; set; }

    /// <summary>The name of the procedure catalogue given with the file, if any (it replaced the stored catalogue).</summary>
    public string? CatalogueFileName { get; set; }
}
