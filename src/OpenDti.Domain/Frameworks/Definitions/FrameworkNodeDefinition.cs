using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>
/// A pillar, group or indicator as a framework file describes it, with its children, before it is checked.
/// Texts are trimmed and put in NFC; everything else is kept as written so that it can be reported.
/// </summary>
public sealed record FrameworkNodeDefinition
{
    /// <summary>The code, unique within the version and distinct from every measure code.</summary>
    public required string Code { get; init; }

    /// <summary>Pillar, group or indicator.</summary>
    public required FrameworkNodeKind Kind { get; init; }

    /// <summary>The Vietnamese name.</summary>
    public required string Name { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>The English name.</summary>
    public string? NameEn { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The weight within the parent; null when the official weight is not known.</summary>
    public double? Weight { get; init; }

    /// <summary>For an indicator, and only for one: its <see cref="Expressions.IndicatorExpression"/> as text.</summary>
    public string? Expression { get; init; }

    /// <summary>+1 when higher is better, −1 when lower is better.</summary>
    public int Direction { get; init; } = 1;

    /// <summary>The unit of measure of the node's value, e.g. "%".</summary>
    public string? UnitOfMeasure { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The value that scores 0, if set.</summary>
    public double? GoalpostLow { get; init; }

    /// <summary>The value that scores full marks, if set.</summary>
    public double? GoalpostHigh { get; init; }

    /// <summary>In Vietnamese: what the node measures and where its definition comes from.</summary>
    public string? Description { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; init => field = MeasureDefinition.NormalizeOptional(value); }

    /// <summary>The nodes below: groups or indicators under a pillar, indicators under a group, none under an indicator.</summary>
    public IReadOnlyList<FrameworkNodeDefinition> Children { get; init; } = [];
}
