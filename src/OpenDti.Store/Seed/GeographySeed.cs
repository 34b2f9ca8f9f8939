using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using OpenDti.Domain.Geography;

namespace OpenDti.Store.Seed;

/// <summary>
/// Vietnam's provinces before and after Resolution 202/2025/QH15, read from Seed/vn (see its SOURCES.md):
/// the nation, the 63 provinces valid until 30 June 2025, the 34 valid from 1 July 2025, and one
/// succession per old province. A new province with one predecessor continues it (a rename, share 1);
/// one with several is a merger (each predecessor passes wholly, share 1).
/// </summary>
internal static class GeographySeed
{
    public const string NationCode = "VN";
    public const string LegalBasis = "Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội";
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    public static GeographySeedData Read()
    {
        var nation = new ReportingUnit { Code = new UnitCode(NationCode), Name = "Việt Nam", NameEn = "Viet Nam", Level = UnitLevel.Nation };
        var old = ReadCsv<OldProvinceRow>("vn/provinces-63.csv")
            .Select(r => new ReportingUnit
            {
                Code = new UnitCode(r.Code),
                Name = r.Name,
                Level = UnitLevel.Province,
                Parent = nation,
                ValidTo = DateOnly.ParseExact(r.ValidTo, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            })
            .ToList();
        var current = ReadCsv<NewProvinceRow>("vn/provinces-34.csv")
            .Select(r => new ReportingUnit
            {
                Code = new UnitCode(r.Code),
                Name = r.Name,
                Level = UnitLevel.Province,
                Parent = nation,
                ValidFrom = DateOnly.ParseExact(r.ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            })
            .ToList();

        var oldByCode = old.ToDictionary(u => u.Code);
        var currentByCode = current.ToDictionary(u => u.Code);
        var merger = ReadCsv<MergerRow>("vn/province-merger-2025.csv").ToList();
        var predecessorCount = merger.GroupBy(r => r.NewCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var successions = merger
            .Select(r => new Succession
            {
                Predecessor = oldByCode[new UnitCode(r.OldCode)],
                Successor = currentByCode[new UnitCode(r.NewCode)],
                EffectiveDate = DateOnly.ParseExact(r.Effective, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Share = 1.0,
                Kind = predecessorCount[r.NewCode] > 1 ? SuccessionKind.Merge : SuccessionKind.Rename,
                LegalBasis = LegalBasis,
            })
            .ToList();

        // The seed is ours: an inconsistency is a programming error, found by the store tests.
        var problems = SuccessionRules.Check(successions.Select(s => (s.Predecessor!, s.Successor!, s)), "Seed/vn/province-merger-2025.csv");
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The geography seed is inconsistent: {string.Join("; ", problems)}");
        }

        return new GeographySeedData(nation, old, current, successions);
    }

    private static List<T> ReadCsv<T>(string path)
    {
        using var reader = new StreamReader(EmbeddedSeed.Open(path));
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim() };
        using var csv = new CsvReader(reader, config);
        return csv.GetRecords<T>().ToList();
    }

    private sealed record OldProvinceRow
    {
        [CsvHelper.Configuration.Attributes.Name("code")] public required string Code { get; init; }
        [CsvHelper.Configuration.Attributes.Name("name")] public required string Name { get; init; }
        [CsvHelper.Configuration.Attributes.Name("valid_to")] public required string ValidTo { get; init; }
    }

    private sealed record NewProvinceRow
    {
        [CsvHelper.Configuration.Attributes.Name("code")] public required string Code { get; init; }
        [CsvHelper.Configuration.Attributes.Name("name")] public required string Name { get; init; }
        [CsvHelper.Configuration.Attributes.Name("valid_from")] public required string ValidFrom { get; init; }
    }

    private sealed record MergerRow
    {
        [CsvHelper.Configuration.Attributes.Name("old_code")] public required string OldCode { get; init; }
        [CsvHelper.Configuration.Attributes.Name("new_code")] public required string NewCode { get; init; }
        [CsvHelper.Configuration.Attributes.Name("effective")] public required string Effective { get; init; }
    }
}

/// <summary>The geography seed, with entities linked by reference, ready to add to a context.</summary>
internal sealed record GeographySeedData(
    ReportingUnit Nation,
    IReadOnlyList<ReportingUnit> Provinces63,
    IReadOnlyList<ReportingUnit> Provinces34,
    IReadOnlyList<Succession> Successions);
