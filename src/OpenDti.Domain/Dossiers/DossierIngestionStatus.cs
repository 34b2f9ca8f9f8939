namespace OpenDti.Domain.Dossiers;

/// <summary>The states of a <see cref="DossierIngestion"/>: queued → running → succeeded or failed.</summary>
public static class DossierIngestionStatus
{
    /// <summary>Uploaded, waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>Claimed by a worker: reading and checking the file, then writing.</summary>
    public const string Running = "running";

    /// <summary>Stored, KPIs recomputed.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Refused or interrupted: nothing of the file was written.</summary>
    public const string Failed = "failed";

    /// <summary>A running ingestion without a heartbeat for this long was interrupted (its process stopped).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>How often a running ingestion says it is alive.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);
}
