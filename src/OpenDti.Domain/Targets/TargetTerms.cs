using System.Diagnostics.CodeAnalysis;

namespace OpenDti.Domain.Targets;

/// <summary>
/// The words files, forms and the API use for comparisons, scopes, pillars and statuses: kebab-case English
/// ("at-least", "every-province", "on-track"), the same in the seed, the API and XLSX files.
/// </summary>
public static class TargetTerms
{
    /// <summary>The pillars of the national programme, in the order pages show them.</summary>
    public static IReadOnlyList<string> Pillars { get; } = ["digital-government", "digital-economy", "digital-society", "foundation"];

    /// <summary>The comparison words.</summary>
    public static IReadOnlyList<string> Comparisons { get; } = ["at-least", "at-most", "exactly", "more-than"];

    /// <summary>The scope words.</summary>
    public static IReadOnlyList<string> Scopes { get; } = ["nation", "every-province", "unit"];

    /// <summary>The status words.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["achieved", "on-track", "at-risk", "off-track", "no-data"];

    /// <summary>The word for a comparison.</summary>
    public static string Of(TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtLeast => "at-least",
        TargetComparison.AtMost => "at-most",
        TargetComparison.Exactly => "exactly",
        TargetComparison.MoreThan => "more-than",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>The word for a scope.</summary>
    public static string Of(TargetScope scope) => scope switch
    {
        TargetScope.Nation => "nation",
        TargetScope.EveryProvince => "every-province",
        TargetScope.Unit => "unit",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>The word for a status.</summary>
    public static string Of(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "achieved",
        TargetStatus.OnTrack => "on-track",
        TargetStatus.AtRisk => "at-risk",
        TargetStatus.OffTrack => "off-track",
        TargetStatus.NoData => "no-data",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Reads a comparison word (case and surrounding space ignored).</summary>
    public static bool TryParseComparison(string? text, out TargetComparison comparison) =>
        TryParse(text, Comparisons, [TargetComparison.AtLeast, TargetComparison.AtMost, TargetComparison.Exactly, TargetComparison.MoreThan], out comparison);

    /// <summary>Reads a scope word.</summary>
    public static bool TryParseScope(string? text, out TargetScope scope) =>
        TryParse(text, Scopes, [TargetScope.Nation, TargetScope.EveryProvince, TargetScope.Unit], out scope);

    /// <summary>Reads a pillar word; true when it is one of <see cref="Pillars"/>.</summary>
    public static bool TryParsePillar(string? text, [NotNullWhen(true)] out string? pillar)
    {
        pillar = Pillars.FirstOrDefault(p => string.Equals(p, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return pillar is not null;
    }

    private static bool TryParse<T>(string? text, IReadOnlyList<string> words, T[] values, out T value)
        where T : struct
    {
        var index = words.ToList().FindIndex(w => string.Equals(w, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = index >= 0 ? values[index] : default;
        return index >= 0;
    }
}
