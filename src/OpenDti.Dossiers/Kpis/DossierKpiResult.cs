using OpenDti.Domain.Problems;

namespace OpenDti.Dossiers.Kpis;

/// <summary>A rejected row: its line, what was wrong, and its bytes as written (for the side file).</summary>
public sealed record RejectedRow(int Line, IReadOnlyList<InputProblem> Problems, byte[] Raw);

/// <summary>
/// What <see cref="DossierKpis.Compute"/> found. Without <see cref="DossierKpiOptions.SkipInvalid"/>, any
/// problem refuses the whole file: <see cref="Rows"/> is then empty.
/// </summary>
public sealed record DossierKpiResult
{
    public IReadOnlyList<KpiRow> Rows { get; init; } = [];

    /// <summary>The first problems, by line (at most <see cref="DossierKpiOptions.MaxProblems"/>).</summary>
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    public long ProblemCount { get; init; }

    public long RejectedRows { get; init; }

    /// <summary>Where the rejected rows were written (<see cref="DossierKpiOptions.RejectedRowsPath"/>), if any were.</summary>
    public string? RejectedRowsPath { get; init; }

    /// <summary>Valid rows read, repeats included.</summary>
    public long ValidRows { get; init; }

    /// <summary>Rows that an later row of the same dossier replaced.</summary>
    public long ReplacedRows { get; init; }

    /// <summary>Rows whose procedure is not in the catalogue (they count as not full online).</summary>
    public long UnknownProcedureRows { get; init; }

    /// <summary>Units of the export not in the hierarchy file (they roll up into the nation directly).</summary>
    public IReadOnlyList<string> UnitsOutsideHierarchy { get; init; } = [];

    /// <summary>Whether the file was read on one thread (asked for, small, or a quoted newline across a chunk cut).</summary>
    public bool ReadSequentially { get; init; }

    public bool IsRefused => Rows.Count == 0 && ProblemCount > 0;
}
