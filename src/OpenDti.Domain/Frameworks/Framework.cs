using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks;

/// <summary>
/// An index framework such as the provincial DTI: a family of versions, each a tree of pillars,
/// groups and indicators. Data is always read with the version in force for its period.
/// </summary>
public sealed class Framework
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>A stable code, e.g. "DTI_PROVINCE".</summary>
    public required string Code { get; init; }

    /// <summary>The Vietnamese name (NFC).</summary>
    public required string Name
    {
        get;
        set => field = VietnameseText.Normalize(value);
    }

    /// <summary>The English name.</summary>
    public string? NameEn { get; set; }

    /// <summary>In Vietnamese: what the framework measures, who publishes it, and what is not yet known of it.</summary>
    public string? Description { get; set; }

    /// <summary>The same as <see cref="Description"/>, in English.</summary>
    public string? DescriptionEn { get; set; }

    /// <summary>The versions, when loaded.</summary>
    public List<FrameworkVersion> Versions { get; } = [];

    /// <summary>The version in force for data of <paramref name="year"/>, or null when none is.</summary>
    public FrameworkVersion? VersionFor(int year) =>
        Versions
            .Where(v => v.FirstYear <= year && (v.LastYear is null || year <= v.LastYear))
            .MaxBy(v => v.FirstYear);
}
