using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.Store;

namespace OpenDti.Features.Rankings;

/// <summary>Reads rankings from stored index runs, for the API and (later) the pages.</summary>
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

        var run = await db.IndexRuns.AsNoTracking()
            .Where(r => r.FrameworkVersionId == version.Id && r.Period == period)
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
        var aggregates = Aggregates(framework, version);
        var order = aggregates.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var rows = scores
            .GroupBy(s => (s.Code, s.Name))
            .Select(unit => new RankingRow
            {
                Code = unit.Key.Code.Value,
                Name = unit.Key.Name,
                Scores = unit
                    .Where(s => order.ContainsKey(s.Score.NodeCode))
                    .OrderBy(s => order[s.Score.NodeCode])
                    .Select(s => new RankingScore(s.Score.NodeCode, s.Score.Score, s.Score.Rank, s.Score.RankLow, s.Score.RankMedian, s.Score.RankHigh))
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
        };
    }

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
