using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Rankings;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.Store;

namespace OpenDti.Features.Rankings;

/// <summary>
/// A stored index run computed again from what it kept: its units, the values it read (as they were
/// when it read them, re-expressed on its units' boundaries when it ranked an earlier period on later
/// units) and its pipeline. The engine is pure, so the result is the run's own; the
/// explanations (contributions, change since another run, what would move a unit up) work on it.
/// </summary>
public sealed class RunReplay(OpenDtiDbContext db)
{
    /// <summary>The run <paramref name="runId"/> replayed; null when it no longer exists or its inputs no longer fit the engine.</summary>
    public async Task<ReplayedRun?> ReplayAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await db.IndexRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        var version = run is null ? null : await db.FrameworkVersions.AsNoTracking()
            .Include(v => v.Nodes).Include(v => v.Framework)
            .SingleOrDefaultAsync(v => v.Id == run.FrameworkVersionId, cancellationToken);
        if (run is null || version is null)
        {
            return null;
        }

        var unitIds = await db.IndexRunScores.AsNoTracking().Where(s => s.IndexRunId == runId).Select(s => s.UnitId).Distinct().ToListAsync(cancellationToken);
        var units = (await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(cancellationToken))
            .OrderBy(u => u.Code.Value, StringComparer.Ordinal)
            .ToList();
        var inputs = await db.IndexRunInputs.AsNoTracking()
            .Where(i => i.IndexRunId == runId)
            .Join(db.DataValues, i => i.DataValueId, v => v.Id, (i, v) => new { i.Value, v.UnitId, v.MeasureId, v.IsDemo })
            .Join(db.Measures, x => x.MeasureId, m => m.Id, (x, m) => new RunValue(x.UnitId, m.Code, m.Aggregation, x.Value, x.IsDemo))
            .ToListAsync(cancellationToken);

        // A comparable run (an earlier period on later boundaries) read the predecessors' values: they are
        // re-expressed on its units exactly as the run did.
        var successions = await RunValues.SuccessionsAsync(db, units, run.Period, run.UnitsOn, cancellationToken);
        var byUnit = RunValues.ByUnit(units, successions, inputs);
        var indicators = Indicators(version);
        var data = Data(units, indicators, u => byUnit[u.Id].ToDictionary(v => v.Key, v => v.Value.Value));
        var metadata = IndexMetadata.Create(FrameworkTree.ToIndexNodes(version));
        var config = PipelineConfigJson.Parse(run.PipelineJson);
        if (!metadata.IsValid || !config.IsValid)
        {
            return null;
        }

        var result = IndexPipeline.Run(data, metadata.Value!, config.Value!);
        return result.IsValid
            ? new ReplayedRun(run, version, units, indicators, data, metadata.Value!, config.Value!, result.Value!)
            : null;
    }

    /// <summary>The indicators of a framework version the engine computes: those with an expression, in framework order.</summary>
    public static IReadOnlyList<FrameworkNode> Indicators(FrameworkVersion version) =>
        version.Nodes.Where(n => n.Kind == FrameworkNodeKind.Indicator && n.Expression is not null).OrderBy(n => n.Position).ToList();

    /// <summary>
    /// The engine's data table: one row per unit, one column per indicator, each cell the indicator's
    /// expression over the unit's measure values (NaN when a measure it needs is missing).
    /// </summary>
    public static IndexData Data(
        IReadOnlyList<ReportingUnit> units, IReadOnlyList<FrameworkNode> indicators, Func<ReportingUnit, IReadOnlyDictionary<MeasureCode, double>> valuesOf)
    {
        var expressions = indicators.ToDictionary(n => n.Code, n => IndicatorExpression.Parse(n.Expression!).Expression!);
        var values = units.Select(valuesOf).ToList();
        return new IndexData
        {
            UnitCodes = [.. units.Select(u => u.Code.Value)],
            UnitNames = [.. units.Select(u => u.Name)],
            Columns = indicators.ToImmutableDictionary(
                n => n.Code.Value,
                n => values.Select(v => expressions[n.Code].Evaluate(code => v.TryGetValue(code, out var found) ? found : null) ?? double.NaN).ToImmutableArray(),
                StringComparer.Ordinal),
        };
    }
}

/// <summary>A stored run with everything needed to compute it again, and the result.</summary>
public sealed record ReplayedRun(
    IndexRun Run,
    FrameworkVersion Version,
    IReadOnlyList<ReportingUnit> Units,
    IReadOnlyList<FrameworkNode> Indicators,
    IndexData Data,
    IndexMetadata Metadata,
    PipelineConfig Config,
    IndexResult Result);
