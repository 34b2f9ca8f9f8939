using OpenDti.Features.Rankings;

namespace OpenDti.Features.Compare;

/// <summary>Two to five units side by side in one period's ranking: scores and ranks of every aggregate, and every indicator's value.</summary>
public sealed record CompareTable
{
    public required string Framework { get; init; }

    public required string FrameworkName { get; init; }

    public required string Period { get; init; }

    /// <summary>How many units the run ranked ("of 63").</summary>
    public required int UnitCount { get; init; }

    /// <summary>"dữ liệu minh họa / demo data" when the run read demo values; otherwise null.</summary>
    public string? Notice { get; init; }

    /// <summary>The aggregates: the index first, then pillars and groups in framework order.</summary>
    public required IReadOnlyList<RankedAggregate> Aggregates { get; init; }

    /// <summary>The units in the order asked, each with its scores and ranks (as in the ranking).</summary>
    public required IReadOnlyList<RankingRow> Units { get; init; }

    /// <summary>One row per indicator: the values in the order of <see cref="Units"/>, and which units have the best.</summary>
    public required IReadOnlyList<CompareIndicator> Indicators { get; init; }
}

/// <summary>
/// An indicator's values for the compared units (null when missing), with the codes of the units that have the best
/// value (the highest, or the lowest when lower is better; ties are all best).
/// </summary>
public sealed record CompareIndicator(string Code, string Name, string? NameEn, string? UnitOfMeasure, int Direction, IReadOnlyList<double?> Values, IReadOnlyList<string> Best);

/// <summary>A unit the form offers.</summary>
public sealed record CompareChoice(string Code, string Name);
