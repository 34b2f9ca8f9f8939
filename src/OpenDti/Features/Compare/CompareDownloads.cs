using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Web;

namespace OpenDti.Features.Compare;

/// <summary>
/// <c>/compare.csv</c> and <c>/compare.xlsx</c> (<c>?units=01,79,48[&amp;period=][&amp;framework=]&amp;table=scores|indicators</c>):
/// the comparison page's two tables as files, from the same comparison as <c>/api/v1/compare</c>.
/// </summary>
internal static class CompareDownloads
{
    public const string Scores = "scores";
    public const string Indicators = "indicators";

    public static IEndpointRouteBuilder MapCompareDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/compare." + TableExport.FormatSegment, DownloadAsync)
            .WithTags("Rankings")
            .WithSummary("A comparison table as CSV or XLSX / bảng so sánh dạng CSV hoặc Excel")
            .WithDescription("format: csv or xlsx. table: scores (index and pillars) or indicators. units, framework and period as /api/v1/compare.")
            .CachePublicly();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        string format, string? table, string? units, string? framework, string? period, CompareQueries queries, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (table is not (Scores or Indicators))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["table"] = [$"Expected {Scores} or {Indicators}; found '{table}'."] },
                title: "Tham số không hợp lệ / invalid parameters");
        }

        var found = await CompareApi.GetComparison(units, framework, period, queries, cancellationToken);
        return found.Result switch
        {
            Ok<CompareTable> { Value: { } comparison } => ToTable(comparison, table, localizer)
                .ToFile(format, $"{comparison.Framework}-{comparison.Period}-{string.Join("-", comparison.Units.Select(u => u.Code))}-{table}", table),
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("GetComparison returned an unexpected result."),
        };
    }

    /// <summary>
    /// <see cref="Scores"/>: one row per index or pillar, each unit's score and rank; <see cref="Indicators"/>: one row per
    /// indicator, each unit's value and the units with the best value.
    /// </summary>
    public static TableExport ToTable(CompareTable comparison, string table, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (table == Scores)
        {
            return new TableExport(
                [
                    localizer["Code"], localizer["Index or pillar"],
                    .. comparison.Units.SelectMany(u => new[] { localizer.Format("{0}: score", u.Name), localizer.Format("{0}: rank", u.Name) }),
                    localizer["Ranked units"],
                ],
                comparison.Aggregates.Where(a => a.Kind is "index" or "pillar").Select(a => (IReadOnlyList<object?>)
                [
                    a.Code, Localisation.Pick(a.Name, a.NameEn),
                    .. comparison.Units.SelectMany(u =>
                    {
                        var score = u.Scores.FirstOrDefault(s => s.Node == a.Code);
                        return new object?[] { score?.Score is { } value ? Math.Round(value, 2) : null, score?.Rank };
                    }),
                    comparison.UnitCount,
                ]).ToList());
        }

        return new TableExport(
            [localizer["Code"], localizer["Indicator"], localizer["Unit of measure"], .. comparison.Units.Select(u => u.Name), localizer["Best"]],
            comparison.Indicators.Select(i => (IReadOnlyList<object?>)
            [
                i.Code, Localisation.Pick(i.Name, i.NameEn), i.UnitOfMeasure,
                .. i.Values.Select(v => (object?)v),
                string.Join(", ", comparison.Units.Where(u => i.Best.Contains(u.Code)).Select(u => u.Name)),
            ]).ToList());
    }
}
