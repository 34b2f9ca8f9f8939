using OpenDti.Domain.Accounts;
using OpenDti.Dossiers.Input;
using OpenDti.Features.Accounts;

namespace OpenDti.Features.Dossiers;

/// <summary>One file to ingest, and on whose behalf.</summary>
public sealed record DossierIngestRequest
{
    /// <summary>Where the file is on disk (an upload is spooled to a temporary file first).</summary>
    public required string Path { get; init; }

    /// <summary>The name messages and the ingestion record use.</summary>
    public required string FileName { get; init; }

    public bool SkipInvalid { get; init; }

    /// <summary>
    /// With <see cref="SkipInvalid"/>, where the rejected rows are written (as they are found, under a temporary
    /// name, renamed into place when the ingestion succeeds); without it they are counted and the first problems kept.
    /// </summary>
    public string? RejectedRowsPath { get; init; }

    /// <summary>A procedure catalogue given with the file, on disk; it replaces the stored catalogue (docs/dossier-ingest.md).</summary>
    public string? CataloguePath { get; init; }

    /// <summary>The catalogue's name for messages.</summary>
    public string? CatalogueName { get; init; }

    /// <summary>The signed-in person or API key, whose units bound what the file may hold; null on the command line (the operator of the store).</summary>
    public SignedIn? Actor { get; init; }

    /// <summary>The actor as the audit trail records it; its channel is "ingestion".</summary>
    public required Actor RecordedAs { get; init; }

    public DossierProgress Progress { get; init; } = new();

    /// <summary>Told "checking" when the file is read the first time, "writing" when the store is written.</summary>
    public Action<string>? OnPhase { get; init; }
}
