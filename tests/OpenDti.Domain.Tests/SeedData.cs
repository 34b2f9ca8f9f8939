using System.Globalization;
using OpenDti.Domain.Geography;

namespace OpenDti.Domain.Tests;

/// <summary>
/// Reads the Vietnam seed files copied next to the tests (see the test project file). The files have no
/// quoted fields, so splitting on commas is enough here; the real seeder uses a CSV reader.
/// </summary>
internal static class SeedData
{
    /// <summary>The last day of the 63 provinces.</summary>
    public static readonly DateOnly OldProvincesEnd = new(2025, 6, 30);

    /// <summary>The first day of the 34 provinces (Resolution 202/2025/QH15).</summary>
    public static readonly DateOnly NewProvincesStart = new(2025, 7, 1);

    /// <summary>provinces-63.csv: code, name, kind, valid_to.</summary>
    public static IReadOnlyList<string[]> OldProvinces() => Rows("provinces-63.csv");

    /// <summary>provinces-34.csv: code, name, valid_from, predecessor_codes (space-separated).</summary>
    public static IReadOnlyList<string[]> NewProvinces() => Rows("provinces-34.csv");

    /// <summary>province-merger-2025.csv: old_code, old_name, new_code, new_name, effective.</summary>
    public static IReadOnlyList<string[]> Mergers() => Rows("province-merger-2025.csv");

    /// <summary>One whole-province link (share 1) per row of province-merger-2025.csv.</summary>
    public static IReadOnlyList<SuccessionLink> MergerLinks() =>
        [.. Mergers().Select(r => new SuccessionLink(new UnitCode(r[0]), new UnitCode(r[2]), 1.0))];

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[][] Rows(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SeedData", fileName);
        return [.. File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(','))];
    }
}
