using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.Store;

namespace OpenDti.Features.Rankings;

/// <summary>
/// Reads rankings from stored index runs, for the API, the page and the downloads. A period's ranking is
/// its latest run on the units of the period's last day; each rank is compared with the previous
/// period's, on the same boundaries when a comparable run exists (2024 re-expressed on the 34 provinces
/// for 2025), otherwise unit by unit, a unit without a previous rank being new.
/// </summary>
public sealed class RankingQueries(OpenDtiDbContext db)
{
    /// <summary>The latest run of <paramref name="frameworkCode"/> for <paramref name="period"/>, or null when none exists.</summary>
    public async Task<RankingTable?> LatestAsync(string frameworkCode, Period period, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking()
            .Include(f => f.Versions).ThenInclude(v => v.Nodes)
            .SingleOrDefaultAsync(f => f.Code == frameworkCode, cancellationToken);
        var version = framework?.VersionFor(period.Year);
        if (framework is null || version is null)
        {
            return null;
        }

        var unitsOn = period.End;
        var run = await db.IndexRuns.AsNoTracking()
            .Where(r => r.FrameworkVersionId == version.Id && r.Period == period && r.UnitsOn == unitsOn)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return null;
        }

        var scores = await db.IndexRunScores.AsNoTracking()
            .Where(s => s.IndexRunId == run.Id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { Score = s, u.Code, u.Name })
            .ToListAsync(cancellationToken);
        var comparison = await PreviousAsync(framework, period, run, cancellationToken);
        var aggregates = Aggregates(framework, version);
        var order = aggregates.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var rows = scores
            .GroupBy(s => (s.Score.UnitId, s.Code, s.Name))
            .Select(unit => new RankingRow
            {
                Code = unit.Key.Code.Value,
                Name = unit.Key.Name,
                Scores = unit
                    .Where(s => order.ContainsKey(s.Score.NodeCode))
                    .OrderBy(s => order[s.Score.NodeCode])
                    .Select(s => WithChange(
                        new RankingScore(s.Score.NodeCode, s.Score.Score, s.Score.Rank, s.Score.RankLow, s.Score.RankMedian, s.Score.RankHigh),
                        comparison?.Ranks.GetValueOrDefault((unit.Key.UnitId, s.Score.NodeCode))))
                    .ToList(),
            })
            .OrderBy(r => r.Scores.FirstOrDefault(s => s.Node == IndexRuns.IndexCode)?.Rank ?? int.MaxValue)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

        using var pipeline = JsonDocument.Parse(run.PipelineJson);
        return new RankingTable
        {
            Framework = framework.Code,
            FrameworkName = framework.Name,
            Version = version.Version,
            Period = run.Period.ToString(),
            RunId = run.Id,
            ComputedAtUtc = DateTime.SpecifyKind(run.CreatedAtUtc, DateTimeKind.Utc),
            UnitsOn = run.UnitsOn,
            UnitCount = rows.Count,
            Notice = run.IsDemo ? IndicatorValues.DemoNotice : null,
            Notes = run.Notes,
            UncertaintyRuns = run.UncertaintyRuns,
            Pipeline = pipeline.RootElement.Clone(),
            Aggregates = aggregates,
            Rows = rows,
            ComparedWith = comparison?.With,
        };
    }

    /// <summary>The periods of <paramref name="frameworkCode"/> that have a ranking, latest first.</summary>
    public async Task<IReadOnlyList<Period>> PeriodsAsync(string frameworkCode, CancellationToken cancellationToken)
    {
        var runs = await db.IndexRuns.AsNoTracking()
            .Join(db.FrameworkVersions, r => r.FrameworkVersionId, v => v.Id, (r, v) => new { r.Period, r.UnitsOn, v.FrameworkId })
            .Join(db.Frameworks, r => r.FrameworkId, f => f.Id, (r, f) => new { r.Period, r.UnitsOn, f.Code })
            .Where(r => r.Code == frameworkCode)
            .Select(r => new { r.Period, r.UnitsOn })
            .ToListAsync(cancellationToken);
        return runs.Where(r => r.UnitsOn == r.Period.End).Select(r => r.Period).Distinct().OrderDescending().ToList();
    }

    /// <summary>The frameworks that have at least one ranking, by code.</summary>
    public async Task<IReadOnlyList<RankedFramework>> FrameworksAsync(CancellationToken cancellationToken)
    {
        var ranked = db.IndexRuns.Join(db.FrameworkVersions, r => r.FrameworkVersionId, v => v.Id, (r, v) => v.FrameworkId);
        return await db.Frameworks.AsNoTracking()
            .Where(f => ranked.Contains(f.Id))
            .OrderBy(f => f.Code)
            .Select(f => new RankedFramework(f.Code, f.Name, f.NameEn))
            .ToListAsync(cancellationToken);
    }

    private static RankingScore WithChange(RankingScore score, int? previousRank) =>
        score with { PreviousRank = previousRank, RankChange = previousRank - score.Rank };

    private async Task<Comparison?> PreviousAsync(Framework framework, Period period, IndexRun run, CancellationToken cancellationToken)
    {
        var previous = Previous(period);
        var version = framework.VersionFor(previous.Year);
        if (version is null)
        {
            return null;
        }

        var ownUnitsOn = previous.End;
        var candidates = await db.IndexRuns.AsNoTracking()
            .Where(r => r.FrameworkVersionId == version.Id && r.Period == previous && (r.UnitsOn == run.UnitsOn || r.UnitsOn == ownUnitsOn))
            .ToListAsync(cancellationToken);

        // On the same boundaries as this run when the units changed in between (a comparable run);
        // otherwise the previous period's own ranking, unit by unit.
        var chosen = candidates
            .OrderByDescending(r => r.UnitsOn == run.UnitsOn)
            .ThenByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var ranks = await db.IndexRunScores.AsNoTracking()
            .Where(s => s.IndexRunId == chosen.Id && s.Rank != null)
            .Select(s => new { s.UnitId, s.NodeCode, s.Rank })
            .ToListAsync(cancellationToken);
        var method = chosen.UnitsOn == previous.End ? ComparedWith.SameUnits : ComparedWith.Reexpressed;
        return new Comparison(
            new ComparedWith(previous.ToString(), chosen.Id, chosen.UnitsOn, ranks.Select(r => r.UnitId).Distinct().Count(), method),
            ranks.ToDictionary(r => (r.UnitId, r.NodeCode), r => r.Rank!.Value));
    }

    private static Period Previous(Period period) => period.Type switch
    {
        PeriodType.Quarter => period.Index == 1 ? Period.OfQuarter(period.Year - 1, 4) : Period.OfQuarter(period.Year, period.Index - 1),
        PeriodType.Month => period.Index == 1 ? Period.OfMonth(period.Year - 1, 12) : Period.OfMonth(period.Year, period.Index - 1),
        _ => Period.OfYear(period.Year - 1),
    };

    private sealed record Comparison(ComparedWith With, Dictionary<(int UnitId, string Node), int> Ranks);

    private static List<RankedAggregate> Aggregates(Framework framework, FrameworkVersion version)
    {
        var list = new List<RankedAggregate> { new(IndexRuns.IndexCode, framework.Name, framework.NameEn, "index") };
        void Walk(int? parentId)
        {
            foreach (var node in version.Nodes.Where(n => n.ParentId == parentId && n.Kind != FrameworkNodeKind.Indicator).OrderBy(n => n.Position))
            {
                list.Add(new RankedAggregate(node.Code.Value, node.Name, node.NameEn, node.Kind.ToString().ToLowerInvariant()));
                Walk(node.Id);
            }
        }

        Walk(null);
        return list;
    }
}
