using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Values;
using OpenDti.Features.Rankings;
using OpenDti.Store;

namespace OpenDti.Features.Compare;

/// <summary>Puts units side by side from the latest run of a period (the one the rankings show), replayed for the indicator values.</summary>
public sealed class CompareQueries(OpenDtiDbContext db, RankingQueries rankings, RunReplay replay)
{
    public const int MinUnits = 2;
    public const int MaxUnits = 5;

    /// <summary>The periods (years) with a run of <paramref name="frameworkCode"/>, latest first.</summary>
    public async Task<IReadOnlyList<Period>> PeriodsAsync(string frameworkCode, CancellationToken cancellationToken)
    {
        var periods = await db.IndexRuns.AsNoTracking()
            .Join(db.FrameworkVersions, r => r.FrameworkVersionId, v => v.Id, (r, v) => new { r.Period, r.UnitsOn, v.Framework!.Code })
            .Where(x => x.Code == frameworkCode)
            .Select(x => new { x.Period, x.UnitsOn })
            .ToListAsync(cancellationToken);

        // A run of a period on later boundaries (a comparable run) is not that period's ranking.
        return periods.Where(p => p.Period.Type == PeriodType.Year && p.UnitsOn == p.Period.End).Select(p => p.Period).Distinct().OrderDescending().ToList();
    }

    /// <summary>The units ranked in the period's run, by code, for the form; empty when there is no run.</summary>
    public async Task<IReadOnlyList<CompareChoice>> ChoicesAsync(string frameworkCode, Period period, CancellationToken cancellationToken)
    {
        var table = await rankings.LatestAsync(frameworkCode, period, cancellationToken);
        return table is null ? [] : table.Rows.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new CompareChoice(r.Code, r.Name)).ToList();
    }

    /// <summary>
    /// Codes split on commas from every occurrence of the parameter, blanks dropped. Errors name what was expected:
    /// two to five distinct codes ranked in the period.
    /// </summary>
    public static IReadOnlyList<string> ParseCodes(IEnumerable<string?> raw) =>
        raw.SelectMany(r => (r ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>The comparison, or the problems with <paramref name="codes"/>; null when the period has no run.</summary>
    public async Task<(CompareTable? Table, string? Problem)> CompareAsync(string frameworkCode, Period period, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count < MinUnits || codes.Count > MaxUnits)
        {
            return (null, $"Expected {MinUnits} to {MaxUnits} unit codes separated by commas, e.g. 01,79,48; found {codes.Count}.");
        }

        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            return (null, $"Expected distinct unit codes; found '{string.Join(",", codes)}'.");
        }

        var table = await rankings.LatestAsync(frameworkCode, period, cancellationToken);
        if (table is null)
        {
            return (null, null);
        }

        var rows = table.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var unknown = codes.Where(c => !rows.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            return (null, $"Expected codes of units ranked in {period} (e.g. 01 Hà Nội, 79 Hồ Chí Minh); found unknown '{string.Join(",", unknown)}'.");
        }

        var replayed = await replay.ReplayAsync(table.RunId, cancellationToken);
        var indicators = replayed is null ? [] : replayed.Indicators.Select(n =>
        {
            var values = codes.Select(c => Profiles.ProfileExplanations.Raw(replayed, c, n.Code.Value)).ToList();
            var present = values.Where(v => v is not null).Select(v => v!.Value * n.Direction).ToList();
            var best = present.Count == 0 ? double.NaN : present.Max();
            return new CompareIndicator(
                n.Code.Value, n.Name, n.NameEn, n.UnitOfMeasure, n.Direction, values,
                codes.Where((_, i) => values[i] is { } v && v * n.Direction == best).ToList());
        }).ToList();
        return (new CompareTable
        {
            Framework = table.Framework,
            FrameworkName = table.FrameworkName,
            Period = table.Period,
            UnitCount = table.UnitCount,
            Notice = table.Notice,
            Aggregates = table.Aggregates,
            Units = codes.Select(c => rows[c]).ToList(),
            Indicators = indicators,
        }, null);
    }
}
