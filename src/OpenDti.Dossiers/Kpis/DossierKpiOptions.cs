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

    /// <summary>Count the valid rows and set the others aside, instead of refusing the file.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>
    /// With <see cref="SkipInvalid"/>, where every rejected row is written (line, column, problem, expected, found,
    /// the row as written), in the file's order, under a temporary name renamed when complete; usually
    /// <see cref="Output.KpiFiles.RejectedPath"/> of the KPI file. Without it the rows are only counted.
    /// </summary>
    public string? RejectedRowsPath { get; init; }

    /// <summary>Problems kept for the message when the file is refused (all are counted).</summary>
    public int MaxProblems { get; init; } = 1000;

    public DossierProgress? Progress { get; init; }

    /// <summary>The file's name in messages (default: the path as given).</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// Where the temporary files go (default: the system's temporary folder): about half the input's size, in a
    /// folder of their own that is removed at the end, whatever happens.
    /// </summary>
    public string? TempDirectory { get; init; }

    /// <summary>How the rows are partitioned on disk (default: from the file's size). Tests set it to exercise many partitions on a small file.</summary>
    internal RowPartitions? Partitions { get; init; }

    /// <summary>Resolved dossiers sorted in memory at a time for the medians (8 Mi: 32 MB); more are taken in ranges of minutes.</summary>
    internal int MinutesPerPass { get; init; } = 1 << 23;
}
