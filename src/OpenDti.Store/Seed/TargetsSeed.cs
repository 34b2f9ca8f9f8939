using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using OpenDti.Domain.Targets;

namespace OpenDti.Store.Seed;

/// <summary>
/// The national programme document (Decision 749/QĐ-TTg) and its targets, read from Seed/targets/documents.csv
/// and Seed/vn/targets-749.csv (see Seed/targets/SOURCES.md). A row with a 2025 value gives a target due in
/// 2025, a row with a 2030 value one due in 2030. A target whose id is an indicator of CT749 is set for every
/// province and linked to that indicator; the others are set for the nation.
/// </summary>
internal static class TargetsSeed
{
    public const string Framework = "CT749";
    public const string CreatedBy = "seed";

    /// <param name="nationId">The nation unit's identity.</param>
    /// <param name="ct749Indicators">The indicator codes of CT749.</param>
    /// <param name="nowUtc">When the seed is applied.</param>
    public static PolicyDocument Read(int nationId, IReadOnlySet<string> ct749Indicators, DateTime nowUtc)
    {
        var row = ReadCsv<DocumentRow>("targets/documents.csv").Single();
        var document = new PolicyDocument
        {
            Number = Nfc(row.Number),
            Kind = Enum.Parse<PolicyDocumentKind>(row.Kind),
            Title = Nfc(row.Title),
            TitleEn = row.TitleEn,
            Issuer = Nfc(row.Issuer),
            IssuedOn = DateOnly.ParseExact(row.IssuedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ScopeUnitId = nationId,
            Source = Nfc(row.Source),
            CreatedBy = CreatedBy,
            CreatedAtUtc = nowUtc,
        };
        foreach (var target in ReadCsv<TargetRow>("vn/targets-749.csv"))
        {
            foreach (var (year, value) in new[] { (2025, target.Target2025), (2030, target.Target2030) })
            {
                if (value is null)
                {
                    continue;
                }

                if (!TargetTerms.TryParseComparison(target.Comparison, out var comparison) || !TargetTerms.TryParsePillar(target.Pillar, out var pillar))
                {
                    throw new InvalidOperationException($"Seed/vn/targets-749.csv: target {target.Id} has an unknown comparison or pillar.");
                }

                var measured = ct749Indicators.Contains(target.Id);
                document.Targets.Add(new Target
                {
                    Code = target.Id,
                    Pillar = pillar,
                    Name = Nfc(target.DescriptionVi),
                    NameEn = target.DescriptionEn,
                    UnitOfMeasure = target.Unit,
                    FrameworkCode = measured ? Framework : null,
                    IndicatorCode = measured ? target.Id : null,
                    Scope = measured ? TargetScope.EveryProvince : TargetScope.Nation,
                    ScopeUnitId = measured ? null : nationId,
                    TargetValue = value.Value,
                    DeadlineYear = year,
                    Comparison = comparison,
                    Source = Nfc(target.Source),
                    CreatedBy = CreatedBy,
                    CreatedAtUtc = nowUtc,
                });
            }
        }

        return document;
    }

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    private static List<T> ReadCsv<T>(string path)
    {
        using var reader = new StreamReader(EmbeddedSeed.Open(path));
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim() };
        using var csv = new CsvReader(reader, config);
        return csv.GetRecords<T>().ToList();
    }

    private sealed record DocumentRow
    {
        [Name("number")] public required string Number { get; init; }

        [Name("kind")] public required string Kind { get; init; }

        [Name("title")] public required string Title { get; init; }

        [Name("title_en")] public string? TitleEn { get; init; }

        [Name("issuer")] public required string Issuer { get; init; }

        [Name("issued_on")] public required string IssuedOn { get; init; }

        [Name("source")] public required string Source { get; init; }
    }

    private sealed record TargetRow
    {
        [Name("id")] public required string Id { get; init; }

        [Name("pillar")] public required string Pillar { get; init; }

        [Name("description_vi")] public required string DescriptionVi { get; init; }

        [Name("description_en")] public string? DescriptionEn { get; init; }

        [Name("unit")] public string? Unit { get; init; }

        [Name("comparison")] public required string Comparison { get; init; }

        [Name("target_2025")] public double? Target2025 { get; init; }

        [Name("target_2030")] public double? Target2030 { get; init; }

        [Name("source")] public required string Source { get; init; }
    }
}
