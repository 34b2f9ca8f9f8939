using OpenDti.Domain.Problems;

namespace OpenDti.Dossiers.Records;

/// <summary>What <see cref="DossierRecords.Read"/> found besides the valid rows it handed on.</summary>
public sealed record DossierRecordReading
{
    /// <summary>Problems of the header (missing columns): no row was read.</summary>
    public IReadOnlyList<InputProblem> HeaderProblems { get; init; } = [];

    /// <summary>The name each field has in this file's header (for messages about a column).</summary>
    public IReadOnlyDictionary<Input.DossierField, string> ColumnNames { get; init; } = new Dictionary<Input.DossierField, string>();

    public long ValidRows { get; init; }

    public long RejectedRows { get; init; }

    public long Bytes { get; init; }
}
