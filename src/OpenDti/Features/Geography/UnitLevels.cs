using OpenDti.Domain.Geography;

namespace OpenDti.Features.Geography;

/// <summary>The names of unit levels in URLs, JSON and the CLI: nation, province, district, commune, organisation.</summary>
internal static class UnitLevels
{
    public static string Name(UnitLevel level) => level.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<UnitLevel>().Select(Name).ToList();

    public static bool TryParse(string? text, out UnitLevel level)
    {
        level = default;

        // Enum.TryParse also takes "1" or "1,2"; only the names are part of the contract.
        return !string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out level);
    }
}
