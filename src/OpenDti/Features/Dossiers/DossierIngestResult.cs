using OpenDti.Domain.Problems;

namespace OpenDti.Features.Dossiers;

/// <summary>How an ingestion ended.</summary>
public enum DossierIngestOutcome
{
    Succeeded,

    /// <summary>Bad rows (without skip-invalid) or a bad header: nothing written.</summary>
    Invalid,

    /// <summary>The file holds units outside the actor's: nothing written.</summary>
    Forbidden,

    /// <summary>Another writer changed the same values at the same moment: nothing written; try again.</summary>
    Conflict,
}

/// <summary>What an ingestion did, or why it wrote nothing.</summary>
public sealed record DossierIngestResult
{
    public const int MaxProblems = 1000;

    public required DossierIngestOutcome Outcome { get; init; }

    public long IngestionId { get; init; }

    /// <summary>The first <see cref="MaxProblems"/> problems, by line.</summary>
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    public long ProblemCount { get; init; }

    /// <summary>With skip-invalid and <see cref="DossierIngestRequest.RejectedRowsPath"/>: where the rows left out were written.</summary>
    public string? RejectedRowsPath { get; init; }

    public long RejectedRows { get; init; }

    public long Rows { get; init; }

    public long Added { get; init; }

    /// <summary>Dossiers already stored whose state the file changed (they were replaced).</summary>
    public long Updated { get; init; }

    /// <summary>Dossiers already stored that the file gives as they are (not rewritten).</summary>
    public long Unchanged { get; init; }

    public int Cells { get; init; }

    public int ValuesWritten { get; init; }

    /// <summary>Units of the file the actor may not enter data for.</summary>
    public IReadOnlyList<string> ForbiddenUnits { get; init; } = [];

    /// <summary>An earlier ingestion that succeeded with the same file (by SHA-256): this one changed nothing new.</summary>
    public long? SameFileAs { get; init; }
}
