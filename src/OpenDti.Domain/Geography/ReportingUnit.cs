using OpenDti.Domain.Text;

namespace OpenDti.Domain.Geography;

/// <summary>
/// A unit that reports data or is ranked: the nation, a province, a district, a commune, or an organisation.
/// It is valid from <see cref="ValidFrom"/> to <see cref="ValidTo"/>, both inclusive; an open end means
/// "since before our records" or "still in force".
/// </summary>
public sealed class ReportingUnit
{
    /// <summary>The store's identity; codes repeat across time, identities do not.</summary>
    public int Id { get; set; }

    /// <summary>The official code (GSO code for provinces).</summary>
    public required UnitCode Code { get; init; }

    /// <summary>The official Vietnamese name in NFC, e.g. "Tỉnh Tuyên Quang".</summary>
    public required string Name
    {
        get;
        set => field = VietnameseText.Normalize(value);
    }

    /// <summary>The English name, if one is customary (e.g. "Hanoi"); otherwise null.</summary>
    public string? NameEn { get; set; }

    /// <summary>The tier of the unit.</summary>
    public required UnitLevel Level { get; init; }

    /// <summary>The store identity of the parent unit; null for the nation.</summary>
    public int? ParentId { get; set; }

    /// <summary>The parent unit, when loaded.</summary>
    public ReportingUnit? Parent { get; set; }

    /// <summary>The first day the unit exists; null when it exists since before our records.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The last day the unit exists; null while it is in force.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>True when the unit exists on <paramref name="date"/>.</summary>
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}
