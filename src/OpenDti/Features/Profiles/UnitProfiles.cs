using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.Features.Rankings;
using OpenDti.IndexEngine.Explanations;
using OpenDti.Store;

namespace OpenDti.Features.Profiles;

/// <summary>
/// Builds a unit's profile from the stored index runs (the latest run per period, as the rankings show):
/// scores and ranks from the stored rows, explanations from the runs replayed with the engine.
/// </summary>
public sealed class UnitProfiles(OpenDtiDbContext db, RunReplay replay)
{
    /// <summary>How many indicators count as "far" above or below the peers' median.</summary>
    public const int GapCount = 3;

    /// <summary>The profile of unit <paramref name="unitId"/> in <paramref name="frameworkCode"/> up to <paramref name="upTo"/> (all periods when null); null when the unit was never ranked.</summary>
    public async Task<UnitProfile?> ForUnitAsync(int unitId, string frameworkCode, int? upTo, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking()
            .Include(f => f.Versions).ThenInclude(v => v.Nodes)
            .SingleOrDefaultAsync(f => f.Code == frameworkCode, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var (runs, comparable) = await LatestRunsAsync(framework, upTo, cancellationToken);
        var predecessors = await db.Successions.AsNoTracking().Where(s => s.SuccessorId == unitId).Select(s => s.PredecessorId).ToListAsync(cancellationToken);
        var runIds = runs.Concat(comparable).Select(r => r.Id).ToList();
        var wanted = predecessors.Append(unitId).ToList();
        var scores = await db.IndexRunScores.AsNoTracking()
            .Where(s => runIds.Contains(s.IndexRunId) && wanted.Contains(s.UnitId))
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { Score = s, u.Code, u.Name })
            .ToListAsync(cancellationToken);
        var counts = (await db.IndexRunScores.AsNoTracking()
                .Where(s => runIds.Contains(s.IndexRunId) && s.NodeCode == IndexRuns.IndexCode)
                .GroupBy(s => s.IndexRunId).Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Key, c => c.Count);
        bool Has(IndexRun run, int id) => scores.Any(s => s.Score.IndexRunId == run.Id && s.Score.UnitId == id);
        var latest = runs.LastOrDefault(r => Has(r, unitId));
        if (latest is null)
        {
            return null;
        }

        var version = framework.Versions.Single(v => v.Id == latest.FrameworkVersionId);
        var own = scores.Where(s => s.Score.IndexRunId == latest.Id && s.Score.UnitId == unitId).ToDictionary(s => s.Score.NodeCode, s => s.Score, StringComparer.Ordinal);
        var code = scores.First(s => s.Score.UnitId == unitId).Code.Value;
        var name = scores.First(s => s.Score.UnitId == unitId).Name;
        var replayed = await replay.ReplayAsync(latest.Id, cancellationToken);
        // The change is explained against the run the rankings compare with: the previous year on this year's
        // boundaries when one was computed (a province formed in 2025 against its predecessors' 2024 figures
        // re-expressed on its boundary), else the previous year's own run, where the same unit or the one it
        // continued under another name was ranked.
        var comparableRun = comparable.LastOrDefault(r => r.Period.Year == latest.Period.Year - 1 && r.UnitsOn == latest.UnitsOn && Has(r, unitId));
        var previousRun = comparableRun ?? runs.LastOrDefault(r => r.Period.Year == latest.Period.Year - 1);
        var previousUnit = comparableRun is not null || previousRun is null ? null : scores
            .Where(s => s.Score.IndexRunId == previousRun.Id && s.Score.NodeCode == IndexRuns.IndexCode && s.Code.Value == code && (s.Score.UnitId == unitId || predecessors.Count == 1))
            .FirstOrDefault();
        var previous = comparableRun is null && previousUnit is null ? null : await replay.ReplayAsync(previousRun!.Id, cancellationToken);
        var usedRuns = runs.Concat(comparable).Where(r => scores.Any(s => s.Score.IndexRunId == r.Id)).ToList();

        return new UnitProfile
        {
            Framework = framework.Code,
            FrameworkName = framework.Name,
            FrameworkNameEn = framework.NameEn,
            UnitCode = code,
            UnitName = name,
            Notice = usedRuns.Any(r => r.IsDemo) ? IndicatorValues.DemoNotice : null,
            Period = latest.Period.ToString(),
            UnitCount = counts.GetValueOrDefault(latest.Id),
            Index = Score(IndexRuns.IndexCode, framework.Name, framework.NameEn, own),
            Pillars = version.Nodes.Where(n => n.Kind == FrameworkNodeKind.Pillar).OrderBy(n => n.Position)
                .Select(n => Score(n.Code.Value, n.Name, n.NameEn, own)).ToList(),
            Series = Series(runs, comparable, unitId, scores.Select(s => (s.Score, s.Code.Value, s.Name)).ToList(), counts),
            StrengthsRule = $"The {GapCount} indicators with the largest positive (strengths) and negative (weaknesses) difference between the unit's normalised value (0–100, higher is better) and the median of all ranked units, in {latest.Period}.",
            Strengths = replayed is null ? [] : ProfileExplanations.Gaps(replayed, code).Where(g => g.Difference > 0).Take(GapCount).ToList(),
            Weaknesses = replayed is null ? [] : ProfileExplanations.Gaps(replayed, code).Where(g => g.Difference < 0).OrderBy(g => g.Difference).Take(GapCount).ToList(),
            RankChange = previous is null || replayed is null ? null : RankChange(previous, replayed, code, counts),
            MoveUp = replayed is null ? [] : ProfileExplanations.MoveUp(replayed, code),
        };
    }

    /// <summary>
    /// Per period of the framework, the latest run on the units of the period's last day (the one the rankings
    /// show), and the latest run of the period re-expressed on later boundaries (a comparable run), if any.
    /// </summary>
    private async Task<(List<IndexRun> Official, List<IndexRun> Comparable)> LatestRunsAsync(Framework framework, int? upTo, CancellationToken cancellationToken)
    {
        var versionIds = framework.Versions.Select(v => v.Id).ToList();
        var runs = (await db.IndexRuns.AsNoTracking().Where(r => versionIds.Contains(r.FrameworkVersionId)).ToListAsync(cancellationToken))
            .Where(r => r.Period.Type == PeriodType.Year && (upTo is null || r.Period.Year <= upTo))
            .ToList();
        List<IndexRun> Latest(IEnumerable<IndexRun> some) => some
            .GroupBy(r => (r.Period.Year, r.UnitsOn))
            .Select(g => g.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).First())
            .OrderBy(r => r.Period.Year)
            .ToList();
        return (Latest(runs.Where(r => r.UnitsOn == r.Period.End)), Latest(runs.Where(r => r.UnitsOn != r.Period.End)));
    }

    /// <summary>
    /// Per period: the unit's own index where it was ranked; else its index re-expressed on its boundary (a
    /// comparable run) where one exists; and, for the years before it existed, its predecessors' own ranks.
    /// </summary>
    private static List<ProfileSeriesPoint> Series(
        List<IndexRun> runs, List<IndexRun> comparable, int unitId, List<(IndexRunScore Score, string Code, string Name)> scores, Dictionary<int, int> counts)
    {
        var points = new List<ProfileSeriesPoint>();
        foreach (var run in runs)
        {
            var index = scores.Where(s => s.Score.NodeCode == IndexRuns.IndexCode).ToList();
            var own = index.Where(s => s.Score.IndexRunId == run.Id && s.Score.UnitId == unitId).ToList();
            var reexpressed = comparable.LastOrDefault(r => r.Period == run.Period && index.Any(s => s.Score.IndexRunId == r.Id && s.Score.UnitId == unitId));
            if (own.Count == 0 && reexpressed is not null)
            {
                own = index.Where(s => s.Score.IndexRunId == reexpressed.Id && s.Score.UnitId == unitId).ToList();
            }

            var shown = own.Count > 0 && own[0].Score.IndexRunId == run.Id ? own : own.Concat(index.Where(s => s.Score.IndexRunId == run.Id && s.Score.UnitId != unitId));
            points.AddRange(shown
                .OrderBy(s => s.Score.UnitId != unitId).ThenBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new ProfileSeriesPoint(
                    run.Period.ToString(), s.Code, s.Name, s.Score.UnitId != unitId, s.Score.IndexRunId != run.Id, s.Score.Score, s.Score.Rank, counts.GetValueOrDefault(s.Score.IndexRunId))));
        }

        return points;
    }

    private static ProfileScore Score(string code, string name, string? nameEn, Dictionary<string, IndexRunScore> scores) =>
        scores.TryGetValue(code, out var s)
            ? new ProfileScore(code, name, nameEn, s.Score, s.Rank, s.RankLow, s.RankHigh)
            : new ProfileScore(code, name, nameEn, null, null, null, null);

    private static RankChangeExplanation RankChange(ReplayedRun before, ReplayedRun after, string code, Dictionary<int, int> counts)
    {
        var method = before.Run.UnitsOn == before.Run.Period.End ? ComparedWith.SameUnits : ComparedWith.Reexpressed;
        var change = IndexExplanations.Compare(before.Result, after.Result, code);
        var nodes = after.Indicators.ToDictionary(n => n.Code.Value, StringComparer.Ordinal);
        return new RankChangeExplanation
        {
            FromPeriod = before.Run.Period.ToString(),
            Method = method,
            ToPeriod = after.Run.Period.ToString(),
            ScoreBefore = change.ScoreBefore,
            ScoreAfter = change.ScoreAfter,
            RankBefore = change.RankBefore,
            RankAfter = change.RankAfter,
            UnitCountBefore = counts.GetValueOrDefault(before.Run.Id),
            UnitCountAfter = counts.GetValueOrDefault(after.Run.Id),
            Indicators = change.Indicators.Select(c => new IndicatorMove(
                c.Code,
                nodes.TryGetValue(c.Code, out var n) ? n.Name : c.Code,
                nodes.GetValueOrDefault(c.Code)?.NameEn,
                ProfileExplanations.Raw(before, code, c.Code),
                ProfileExplanations.Raw(after, code, c.Code),
                c.Before,
                c.After,
                c.Change)).ToList(),
        };
    }
}
