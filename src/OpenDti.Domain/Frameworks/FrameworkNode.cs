using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks;

/// <summary>A pillar, group or indicator of a framework version.</summary>
public sealed class FrameworkNode
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The version's identity.</summary>
    public int FrameworkVersionId { get; set; }

    /// <summary>The parent node's identity; null for a pillar.</summary>
    public int? ParentId { get; set; }

    /// <summary>The parent node, when loaded.</summary>
    public FrameworkNode? Parent { get; set; }

    /// <summary>The code, unique within the version; indicators may be referenced by it in other expressions.</summary>
    public required MeasureCode Code { get; init; }

    /// <summary>Pillar, group or indicator.</summary>
    public required FrameworkNodeKind Kind { get; init; }

    /// <summary>The Vietnamese name (NFC).</summary>
    public required string Name
    {
        get;
        set => field = VietnameseText.Normalize(value);
    }

    /// <summary>The English name.</summary>
    public string? NameEn { get; set; }

    /// <summary>The order among its siblings, from 1.</summary>
    public int Position { get; set; }

    /// <summary>The weight within its parent; null when the official weight is not known.</summary>
    public double? Weight { get; set; }

    /// <summary>For an indicator: the expression over measure codes, e.g. "ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100".</summary>
    public string? Expression { get; set; }

    /// <summary>+1 when higher is better, −1 when lower is better.</summary>
    public int Direction { get; set; } = 1;

    /// <summary>The unit of measure of the indicator's value.</summary>
    public string? UnitOfMeasure { get; set; }

    /// <summary>The low goalpost (the value that scores 0), if set.</summary>
    public double? GoalpostLow { get; set; }

    /// <summary>The high goalpost (the value that scores full marks), if set.</summary>
    public double? GoalpostHigh { get; set; }

    /// <summary>In Vietnamese: what the node measures and where its definition comes from.</summary>
    public string? Description { get; set; }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; set; }
}
