using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>
/// A measure as a framework file describes it, before it is checked. Codes are kept as written so that a
/// malformed one can be reported (<see cref="FrameworkChecker.CheckMeasures"/>); texts are trimmed and put in NFC.
/// </summary>
public sealed record MeasureDefinition
{
    /// <summary>The code used in expressions, e.g. "ONLINE_SERVICES_L4".</summary>
    public required string Code { get; init; }

    /// <summary>The Vietnamese name.</summary>
    public required string Name { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>The English name.</summary>
    public string? NameEn { get; init => field = NormalizeOptional(value); }

    /// <summary>The unit of measure as shown to people: "thủ tục", "hồ sơ", "người", "tỷ đồng", "điểm".</summary>
    public required string UnitOfMeasure { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>How values combine across units.</summary>
    public required MeasureAggregation Aggregation { get; init; }

    /// <summary>In Vietnamese: what the measure counts and where it comes from.</summary>
    public string? Description { get; init => field = NormalizeOptional(value); }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; init => field = NormalizeOptional(value); }

    /// <summary>The entity for the store (its <see cref="Measure.Id"/> is assigned there).</summary>
    /// <exception cref="ArgumentException">When <see cref="Code"/> is not a valid code: check the catalogue first.</exception>
    public Measure ToEntity() => new()
    {
        Code = new MeasureCode(Code),
        Name = Name,
        NameEn = NameEn,
        UnitOfMeasure = UnitOfMeasure,
        Aggregation = Aggregation,
        Description = Description,
        DescriptionEn = DescriptionEn,
    };

    internal static string? NormalizeOptional(string? text) => text is null ? null : VietnameseText.Normalize(text);
}
