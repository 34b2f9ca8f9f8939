using System.Collections.Frozen;

namespace OpenDti.Domain.Geography;

/// <summary>
/// How the scores of predecessors are weighted when a successor's score is their weighted mean
/// (see <see cref="BoundaryReexpression.Scores"/>). The weighting is always stated: equal weights and
/// population weights give different scores, and a reader must know which one was used.
/// </summary>
public sealed class ScoreWeighting
{
    private readonly FrozenDictionary<UnitCode, double>? _weights;

    private ScoreWeighting(string basis, FrozenDictionary<UnitCode, double>? weights)
    {
        Basis = basis;
        _weights = weights;
    }

    /// <summary>Every predecessor weighs 1 (before multiplying by its share). <see cref="Basis"/> is "equal".</summary>
    public static ScoreWeighting Equal { get; } = new("equal", null);

    /// <summary>What the weights are, e.g. "equal" or "population 2024 (GSO)"; shown next to the score.</summary>
    public string Basis { get; }

    /// <summary>
    /// Weights supplied per predecessor code, such as population. A predecessor with no entry has no
    /// weight, and a successor depending on it gets no score (<see cref="ReexpressionGap.MissingWeights"/>).
    /// The weights are copied.
    /// </summary>
    /// <param name="basis">What the weights are, e.g. "population 2024 (GSO)".</param>
    /// <param name="weights">The weight of each predecessor: finite and not negative.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="basis"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a weight is negative, infinite or NaN.</exception>
    public static ScoreWeighting ByWeights(string basis, IReadOnlyDictionary<UnitCode, double> weights)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basis);
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var (code, weight) in weights)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, $"The weight of {code} must be finite and not negative.");
            }
        }

        return new ScoreWeighting(basis, weights.ToFrozenDictionary());
    }

    /// <inheritdoc />
    public override string ToString() => Basis;

    internal bool TryGetWeight(UnitCode predecessor, out double weight)
    {
        if (_weights is null)
        {
            weight = 1;
            return true;
        }

        return _weights.TryGetValue(predecessor, out weight);
    }
}
