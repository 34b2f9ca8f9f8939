using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>
/// A framework as a file describes it, before <see cref="FrameworkChecker.Check"/> has looked at it.
/// Texts are trimmed and put in NFC; codes, numbers and structure are kept as written so that every
/// problem can be reported at once.
/// </summary>
public sealed record FrameworkDefinition
{
    /// <summary>A stable code, e.g. "DTI_PROVINCE".</summary>
    public required string Code { get; init; }

    /// <summary>The Vietnamese name.</summary>
    public required string Name { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>The English name.</summary>
    public string? NameEn { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>In Vietnamese: what the framework measures, who publishes it, and what is not yet known of it.</summary>
    public string? Description { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The versions, each with its tree.</summary>
    public IReadOnlyList<FrameworkVersionDefinition> Versions { get; init; } = [];
}
