using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>How <see cref="DossierKpis.Compute"/> reads a file.</summary>
public sealed record DossierKpiOptions
{
    /// <summary>The default chunk: large enough that a thread spends its time parsing, small enough to share the work out evenly.</summary>
    public const int DefaultChunkBytes = 8 * 1024 * 1024;

    /// <summary>Without a catalogue, the full-online KPIs are left empty.</summary>
    public ProcedureCatalogue? Catalogue { get; init; }

    public UnitHierarchy Units { get; init; } = UnitHierarchy.Flat;

    /// <summary>Reading threads; 1 reads sequentially.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public int ChunkBytes { get; init; } = DefaultChunkBytes;

    /// <summary>Count the valid rows and return the others, instead of refusing the file.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Problems kept for the message when the file is refused (all are counted).</summary>
    public int MaxProblems { get; init; } = 1000;

    public DossierProgress? Progress { get; init; }

    /// <summary>The file's name in messages (default: the path as given).</summary>
    public string? SourceName { get; init; }
}
