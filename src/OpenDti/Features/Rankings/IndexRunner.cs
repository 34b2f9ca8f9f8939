using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Rankings;
using OpenDti.Domain.Values;
using OpenDti.Features.Frameworks;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Uncertainty;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Rankings;

/// <summary>
/// Computes a framework version's index for a period from the stored values and keeps the result: the
/// provinces valid on the period's last day are ranked (63 before 1 July 2025, 34 after), or those of a
/// later day when asked (a comparable run: 2024 on the 34 provinces, old units' values re-expressed); each
/// indicator is its expression over the unit's values; the framework tree becomes the engine's
/// metadata under a root <see cref="IndexRuns.IndexCode"/>; weights the framework does not know count
/// equally, and the run says so. The run keeps every value it read, so each rank traces to its inputs.
/// </summary>
public sealed class IndexRunner(OpenDtiDbContext db, TimeProvider time, PublicCacheVersion? publicCache = null)
{
    public async Task<IndexRunOutcome> RunAsync(IndexRunRequest request, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking()
            .Include(f => f.Versions).ThenInclude(v => v.Nodes)
            .SingleOrDefaultAsync(f => f.Code == request.FrameworkCode, cancellationToken);
        var version = framework?.VersionFor(request.Period.Year);
        if (framework is null || version is null)
        {
            return IndexRunOutcome.Refused(framework is null
                ? $"Không có bộ chỉ số '{request.FrameworkCode}' / no framework has the code '{request.FrameworkCode}'."
                : $"Bộ chỉ số {framework.Code} không có phiên bản cho năm {request.Period.Year} / {framework.Code} has no version in force for {request.Period.Year}.");
        }

        var unitsOn = request.UnitsOn ?? request.Period.End;
        if (unitsOn < request.Period.End)
        {
            return IndexRunOutcome.Refused($"Ngày địa giới {unitsOn:yyyy-MM-dd} trước cuối kỳ {request.Period} / the boundary date must not be before the period's end.");
        }

        var units = await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Province && (u.ValidFrom == null || u.ValidFrom <= unitsOn) && (u.ValidTo == null || unitsOn <= u.ValidTo))
            .OrderBy(u => u.Code)
            .ToListAsync(cancellationToken);
        var indicators = RunReplay.Indicators(version);
        var measureCodes = indicators.SelectMany(n => IndicatorExpression.Parse(n.Expression!).Expression!.Names).ToHashSet();
        var (unitValues, used) = await UnitValuesAsync(units, request.Period, unitsOn, measureCodes, cancellationToken);

        // The same table a replay of this run builds from the inputs it keeps.
        var data = RunReplay.Data(units, indicators, u => unitValues[u.Id].ToDictionary(v => v.Key, v => v.Value.Value));
        var metadata = IndexMetadata.Create(FrameworkTree.ToIndexNodes(version));
        if (!metadata.IsValid)
        {
            return IndexRunOutcome.Refused(metadata.Problems);
        }

        var config = request.Config ?? PipelineConfig.Default;
        var result = IndexPipeline.Run(data, metadata.Value!, config);
        if (!result.IsValid)
        {
            return IndexRunOutcome.Refused(result.Problems);
        }

        UncertaintyResult? uncertainty = null;
        if (request.UncertaintyRuns > 0)
        {
            var analysis = UncertaintyAnalysis.Run(data, metadata.Value!, config, new MonteCarloSettings(request.UncertaintyRuns, request.Seed));
            if (!analysis.IsValid)
            {
                return IndexRunOutcome.Refused(analysis.Problems);
            }

            uncertainty = analysis.Value;
        }

        var run = new IndexRun
        {
            FrameworkVersionId = version.Id,
            Period = request.Period,
            UnitsOn = unitsOn,
            PipelineJson = PipelineConfigJson.Write(config),
            Notes = Notes(version, request.Period, unitsOn),
            UncertaintyRuns = request.UncertaintyRuns,
            UncertaintySeed = unchecked((long)request.Seed),
            IsDemo = used.Any(v => v.IsDemo),
            CreatedBy = request.CreatedBy,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.IndexRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.IndexRunScores.AddRange(Scores(run.Id, units, result.Value!, uncertainty));
        db.IndexRunInputs.AddRange(used.Select(v => new IndexRunInput
        {
            IndexRunId = run.Id,
            DataValueId = v.Id,
            Value = v.Value,
            ConcurrencyToken = v.ConcurrencyToken,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        publicCache?.Changed();
        return IndexRunOutcome.Done(run, units.Count);
    }

    /// <summary>
    /// Each unit's measure values for the period (see <see cref="RunValues"/>), and every value read, to be
    /// kept as the run's inputs.
    /// </summary>
    private async Task<(Dictionary<int, Dictionary<MeasureCode, MeasureValue>> ByUnit, List<DataValue> Used)> UnitValuesAsync(
        IReadOnlyList<ReportingUnit> units, Period period, DateOnly unitsOn, HashSet<MeasureCode> measureCodes, CancellationToken cancellationToken)
    {
        var successions = await RunValues.SuccessionsAsync(db, units, period, unitsOn, cancellationToken);
        var readIds = units.Select(u => u.Id).Concat(successions.Select(s => s.PredecessorId)).Distinct().ToList();
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.Period == period && readIds.Contains(v.UnitId))
            .Join(db.Measures, v => v.MeasureId, m => m.Id, (v, m) => new { Value = v, m.Code, m.Aggregation })
            .ToListAsync(cancellationToken);
        var used = values.Where(v => measureCodes.Contains(v.Code)).ToList();
        var byUnit = RunValues.ByUnit(units, successions, used.Select(v => new RunValue(v.Value.UnitId, v.Code, v.Aggregation, v.Value.Value, v.Value.IsDemo)).ToList());
        return (byUnit, used.Select(v => v.Value).ToList());
    }

    private static string? Notes(FrameworkVersion version, Period period, DateOnly unitsOn)
    {
        var notes = new List<string>();
        if (version.Nodes.Any(n => n.Weight is null))
        {
            notes.Add("Trọng số chính thức chưa biết: các nút chưa có trọng số được tính bằng nhau / official weights unknown: nodes without a weight count equally.");
        }

        if (unitsOn != period.End)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Trên địa giới ngày {unitsOn:yyyy-MM-dd}: số liệu của các đơn vị cũ được quy đổi sang đơn vị mới / on the units of {unitsOn:yyyy-MM-dd}: old units' values re-expressed on the new boundaries."));
        }

        return notes.Count == 0 ? null : string.Join(" ", notes);
    }

    private static IEnumerable<IndexRunScore> Scores(int runId, IReadOnlyList<ReportingUnit> units, IndexResult result, UncertaintyResult? uncertainty)
    {
        var intervals = uncertainty?.Units.ToDictionary(u => u.UnitCode, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            foreach (var code in result.Metadata.AggregateCodes)
            {
                var score = result.Score(unit.Code.Value, code);
                var interval = code == uncertainty?.AggregateCode ? intervals![unit.Code.Value] : null;
                yield return new IndexRunScore
                {
                    IndexRunId = runId,
                    UnitId = unit.Id,
                    NodeCode = code,
                    Score = double.IsNaN(score) ? null : score,
                    Rank = result.Rank(unit.Code.Value, code),
                    RankLow = interval?.P05Rank,
                    RankMedian = interval?.MedianRank,
                    RankHigh = interval?.P95Rank,
                };
            }
        }
    }
}
