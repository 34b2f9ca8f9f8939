namespace OpenDti.IndexEngine.Audit;

/// <summary>
/// How one child of an aggregate moves with its parent and with the index, over the units where both are available
/// (R <c>cor(use = "pairwise.complete.obs")</c>; COINr <c>get_corr</c>). NaN when undefined (a constant or fewer than 2 pairs).
/// </summary>
/// <param name="Code">The child (indicator: normalised values; aggregate: its scores).</param>
/// <param name="PearsonWithParent">Pearson's r with the parent's scores.</param>
/// <param name="SpearmanWithParent">Spearman's ρ (Pearson's r of average ranks) with the parent's scores.</param>
/// <param name="PearsonWithIndex">Pearson's r with the index scores.</param>
/// <param name="SpearmanWithIndex">Spearman's ρ with the index scores.</param>
public sealed record ChildCorrelation(string Code, double PearsonWithParent, double SpearmanWithParent, double PearsonWithIndex, double SpearmanWithIndex);
