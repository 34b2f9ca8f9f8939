namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>One version of a framework as a file describes it: its years, legal basis and tree of pillars.</summary>
public sealed record FrameworkVersionDefinition
{
    /// <summary>The version label, e.g. "2022", unique within the framework.</summary>
    public required string Version { get; init; }

    /// <summary>The first data year the version applies to.</summary>
    public required int FirstYear { get; init; }

    /// <summary>The last data year it applies to; null while in force.</summary>
    public int? LastYear { get; init; }

    /// <summary>The act that issued it.</summary>
    public string? LegalBasis { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>In Vietnamese: what this version contains and what of it is not yet known.</summary>
    public string? Description { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The pillars, each with its groups and indicators.</summary>
    public IReadOnlyList<FrameworkNodeDefinition> Nodes { get; init; } = [];

    /// <summary>Checks across measures made when values are entered and submitted.</summary>
    public IReadOnlyList<ValidationRuleDefinition> Rules { get; init; } = [];
}
