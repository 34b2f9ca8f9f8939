namespace OpenDti.Features.Targets;

/// <summary>A programme document, with the document it makes concrete.</summary>
public sealed record PolicyDocumentSummary
{
    public required int Id { get; init; }

    public required string Number { get; init; }

    public required string Title { get; init; }

    public string? TitleEn { get; init; }

    /// <summary>decision, resolution, plan, project or other.</summary>
    public required string Kind { get; init; }

    public required string Issuer { get; init; }

    public required DateOnly IssuedOn { get; init; }

    public required string ScopeUnit { get; init; }

    public required string ScopeUnitName { get; init; }

    public int? ParentId { get; init; }

    public string? Link { get; init; }

    public string? Source { get; init; }

    public int TargetCount { get; init; }
}

/// <summary>How many units stand where against a target (or a group of targets).</summary>
public sealed record StatusCounts
{
    public int Achieved { get; init; }

    public int OnTrack { get; init; }

    public int AtRisk { get; init; }

    public int OffTrack { get; init; }

    public int NoData { get; init; }

    public int Total => Achieved + OnTrack + AtRisk + OffTrack + NoData;

    public StatusCounts Add(StatusCounts other) => new()
    {
        Achieved = Achieved + other.Achieved,
        OnTrack = OnTrack + other.OnTrack,
        AtRisk = AtRisk + other.AtRisk,
        OffTrack = OffTrack + other.OffTrack,
        NoData = NoData + other.NoData,
    };

    public int Of(string status) => status switch
    {
        "achieved" => Achieved,
        "on-track" => OnTrack,
        "at-risk" => AtRisk,
        "off-track" => OffTrack,
        _ => NoData,
    };
}

/// <summary>A target as lists show it, with the status counts of the units it is set for.</summary>
public sealed record TargetSummary
{
    public required int Id { get; init; }

    public required string Code { get; init; }

    public required string Pillar { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public string? UnitOfMeasure { get; init; }

    /// <summary>at-least, at-most, exactly or more-than.</summary>
    public required string Comparison { get; init; }

    public required double TargetValue { get; init; }

    public required int DeadlineYear { get; init; }

    /// <summary>nation, every-province or unit.</summary>
    public required string Scope { get; init; }

    /// <summary>The unit's code when the scope is one unit or the nation.</summary>
    public string? ScopeUnit { get; init; }

    public string? ScopeUnitName { get; init; }

    public double? BaselineValue { get; init; }

    public int? BaselineYear { get; init; }

    public string? Framework { get; init; }

    public string? Indicator { get; init; }

    public string? Measure { get; init; }

    public required int DocumentId { get; init; }

    public required string DocumentNumber { get; init; }

    public string? Source { get; init; }

    public required StatusCounts Counts { get; init; }

    /// <summary>True when any value behind the counts is demo data.</summary>
    public bool IsDemo { get; init; }
}

/// <summary>One unit's progress towards a target.</summary>
public sealed record TargetProgressRow
{
    /// <summary>The position in the ranking by progress (share achieved, then pace), from 1; null without data.</summary>
    public int? Rank { get; init; }

    public required string Unit { get; init; }

    public required string UnitName { get; init; }

    /// <summary>achieved, on-track, at-risk, off-track or no-data.</summary>
    public required string Status { get; init; }

    public double? LatestValue { get; init; }

    public string? LatestPeriod { get; init; }

    public double? BaselineValue { get; init; }

    public string? BaselinePeriod { get; init; }

    /// <summary>The latest value as a share of the target, 0 to 1.</summary>
    public double? ShareAchieved { get; init; }

    /// <summary>cagr or linear.</summary>
    public string? PaceMethod { get; init; }

    public double? ObservedPace { get; init; }

    public double? RequiredPace { get; init; }

    public double? PaceRatio { get; init; }

    public double? Forecast { get; init; }

    public double? ForecastLow { get; init; }

    public double? ForecastHigh { get; init; }

    /// <summary>True when a value used is demo data.</summary>
    public bool IsDemo { get; init; }

    /// <summary>True when a value used is the predecessors' figure re-expressed on this unit's boundary.</summary>
    public bool IsReexpressed { get; init; }
}

/// <summary>A target with every unit it is set for, ranked by progress.</summary>
public sealed record TargetProgressTable
{
    public required TargetSummary Target { get; init; }

    /// <summary>"dữ liệu minh họa / demo data" when a value shown is demo data; otherwise null.</summary>
    public string? Notice { get; init; }

    /// <summary>True when some rows use predecessors' figures re-expressed on the 2025 boundaries.</summary>
    public bool UsesReexpressedHistory { get; init; }

    /// <summary>The year the statuses are judged in (a deadline before it that is unmet is off track).</summary>
    public required int AssessedIn { get; init; }

    public required IReadOnlyList<TargetProgressRow> Units { get; init; }
}

/// <summary>The targets of one pillar, with their status counts.</summary>
public sealed record PillarTargets
{
    public required string Pillar { get; init; }

    public required StatusCounts Counts { get; init; }

    public required IReadOnlyList<TargetSummary> Targets { get; init; }
}

/// <summary>The programme dashboard: documents, and targets by pillar with status counts.</summary>
public sealed record TargetDashboard
{
    public string? Notice { get; init; }

    public required int AssessedIn { get; init; }

    public required IReadOnlyList<PolicyDocumentSummary> Documents { get; init; }

    public required IReadOnlyList<PillarTargets> Pillars { get; init; }
}

/// <summary>A unit's standing against one target (the unit page, the lagging lists).</summary>
public sealed record UnitTargetRow
{
    public required TargetSummary Target { get; init; }

    public required TargetProgressRow Progress { get; init; }
}

/// <summary>A unit's targets: those set for every province (when it is one) and its own.</summary>
public sealed record UnitTargets
{
    public required string Unit { get; init; }

    public required string UnitName { get; init; }

    public string? Notice { get; init; }

    public bool UsesReexpressedHistory { get; init; }

    public required int AssessedIn { get; init; }

    public required IReadOnlyList<UnitTargetRow> Targets { get; init; }
}
