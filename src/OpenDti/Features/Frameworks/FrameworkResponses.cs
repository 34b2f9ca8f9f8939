using OpenDti.Domain.Frameworks;

namespace OpenDti.Features.Frameworks;

/// <summary>A framework and its versions, without the trees.</summary>
public sealed record FrameworkSummary
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }

    public string? DescriptionEn { get; init; }

    public required IReadOnlyList<FrameworkVersionSummary> Versions { get; init; }
}

/// <summary>One version of a framework: the data years it applies to and the act that issued it.</summary>
public sealed record FrameworkVersionSummary
{
    public required string Version { get; init; }

    public required int FirstYear { get; init; }

    public int? LastYear { get; init; }

    public string? LegalBasis { get; init; }

    public string? Description { get; init; }

    public string? DescriptionEn { get; init; }

    internal static FrameworkVersionSummary From(FrameworkVersion version) => new()
    {
        Version = version.Version,
        FirstYear = version.FirstYear,
        LastYear = version.LastYear,
        LegalBasis = version.LegalBasis,
        Description = version.Description,
        DescriptionEn = version.DescriptionEn,
    };
}

/// <summary>One version of a framework as a tree, with the measures its indicators read.</summary>
public sealed record FrameworkTree
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public string? Description { get; init; }

    public string? DescriptionEn { get; init; }

    public required FrameworkVersionSummary Version { get; init; }

    /// <summary>Every version of the framework, so a reader can move between them.</summary>
    public required IReadOnlyList<string> AllVersions { get; init; }

    public required IReadOnlyList<FrameworkNodeTree> Pillars { get; init; }

    public required IReadOnlyList<MeasureSummary> Measures { get; init; }
}

/// <summary>A pillar, group or indicator with its children.</summary>
public sealed record FrameworkNodeTree
{
    public required string Code { get; init; }

    /// <summary>pillar, group or indicator.</summary>
    public required string Kind { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    /// <summary>The weight within the parent; null when the official weight is not known.</summary>
    public double? Weight { get; init; }

    public string? Expression { get; init; }

    /// <summary>+1 higher is better; −1 lower is better.</summary>
    public int Direction { get; init; }

    public string? UnitOfMeasure { get; init; }

    public double? GoalpostLow { get; init; }

    public double? GoalpostHigh { get; init; }

    public string? Description { get; init; }

    public string? DescriptionEn { get; init; }

    public required IReadOnlyList<FrameworkNodeTree> Children { get; init; }
}

/// <summary>A reported measure.</summary>
public sealed record MeasureSummary
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? NameEn { get; init; }

    public required string UnitOfMeasure { get; init; }

    /// <summary>sum, weightedmean or none: how values combine when units merge.</summary>
    public required string Aggregation { get; init; }

    public string? Description { get; init; }

    public string? DescriptionEn { get; init; }

    internal static MeasureSummary From(Measure measure) => new()
    {
        Code = measure.Code.Value,
        Name = measure.Name,
        NameEn = measure.NameEn,
        UnitOfMeasure = measure.UnitOfMeasure,
        Aggregation = measure.Aggregation.ToString().ToLowerInvariant(),
        Description = measure.Description,
        DescriptionEn = measure.DescriptionEn,
    };
}
