using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks;

/// <summary>
/// A raw figure that units report, such as "number of online public services at level 4".
/// Indicators are expressions over measures; values are stored per (unit, measure, period).
/// </summary>
public sealed class Measure
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The code used in indicator expressions and files.</summary>
    public required MeasureCode Code { get; init; }

    /// <summary>The Vietnamese name (NFC).</summary>
    public required string Name
    {
        get;
        set => field = VietnameseText.Normalize(value);
    }

    /// <summary>The English name.</summary>
    public string? NameEn { get; set; }

    /// <summary>The unit of measure as shown to people: "%", "dịch vụ", "hồ sơ", "người", "tỷ đồng".</summary>
    public required string UnitOfMeasure { get; set; }

    /// <summary>How values combine across units.</summary>
    public MeasureAggregation Aggregation { get; set; }

    /// <summary>In Vietnamese: what the measure counts and where it comes from.</summary>
    public string? Description { get; set; }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; set; }
}
