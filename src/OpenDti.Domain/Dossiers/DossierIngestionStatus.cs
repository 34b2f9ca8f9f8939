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
}
