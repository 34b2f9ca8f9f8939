using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Problems;

namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>
/// Monte Carlo uncertainty and variance-based sensitivity analysis over the methodological choices of
/// <see cref="PipelineConfig.Uncertainty"/>, in the manner of COINr <c>get_sensitivity</c> with <c>SA_type = "SA"</c>.
/// </summary>
public static class UncertaintyAnalysis
{
    /// <summary>
    /// Draws base matrices A and B (n rows each; row j of each from its own stream of the master seed), evaluates the
    /// pipeline on A, B and every A_B⁽ⁱ⁾ (n (k + 2) evaluations), and returns each unit's nominal, median, 5th and 95th
    /// percentile rank over all evaluations, and the first-order and total-effect indices of <see cref="SensitivityIndex"/>.
    /// The same inputs and seed give the same result on any machine and any number of threads.
    /// Problems: those of <see cref="IndexPipeline.Run"/>, no factor that varies, too few runs, an unknown aggregate.
    /// </summary>
    public static Checked<UncertaintyResult> Run(IndexData data, IndexMetadata meta, PipelineConfig config, MonteCarloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var nominal = IndexPipeline.Run(data, meta, config);
        if (!nominal.IsValid)
        {
            return CheckedResult.Invalid<UncertaintyResult>(nominal.Problems);
        }

        var code = settings.AggregateCode ?? meta.IndexCode;
        if (!meta.IndexOf.TryGetValue(code, out var target) || meta.Nodes[target].Type != NodeType.Aggregate)
        {
            return Refuse("aggregate", $"an aggregate of the metadata; found '{code}'");
        }

        var model = new MonteCarloModel(PreparedData.Prepare(data, meta, config), meta, config, target);
        var k = model.Factors.Length;
        if (k == 0)
        {
            return Refuse("uncertainty", "at least one uncertain factor: a weight perturbation above 0 or two alternatives of a method");
        }

        var n = settings.Runs / (k + 2);
        if (n < 2)
        {
            return Refuse("runs", $"at least {2 * (k + 2)} runs for {k} factors (2 base samples × (k + 2)); found {settings.Runs}");
        }

        var nominalRanks = nominal.Value.Ranks[code].Select(r => r ?? 0).ToArray();
        var (outputs, ranks) = MonteCarloRunner.Run(model, n, settings, nominalRanks);
        var units = nominal.Value.UnitCodes.Select((unit, u) =>
        {
            var q = ranks.Quantiles(u, 0.5, 0.05, 0.95);
            return new UnitRankInterval(unit, nominalRanks[u] == 0 ? null : nominalRanks[u], q[0], q[1], q[2]);
        });
        var indices = model.Factors.Select((f, i) => SaltelliEstimators.Estimate(f.Name, outputs, i));
        return CheckedResult.Valid(new UncertaintyResult(code, n, n * (k + 2), [.. units], [.. indices]));
    }

    private static Checked<UncertaintyResult> Refuse(string column, string message) =>
        CheckedResult.Invalid<UncertaintyResult>([new IndexProblem(IndexProblem.Config, null, column, "expected " + message)]);
}
