namespace OpenDti.Domain.Geography;

/// <summary>
/// One succession as <see cref="BoundaryReexpression"/> needs it: the share of a predecessor's
/// territory (and so of its counts) that passed into a successor. The caller maps stored
/// <see cref="Succession"/> rows to links; a unit that did not change is given as a link to its
/// continuation with share 1 (old "01" → new "01").
/// </summary>
/// <param name="Predecessor">The code of the unit that ended. Codes repeat across time, so this names
/// an old unit and <paramref name="Successor"/> a new one even when the two codes are equal.</param>
/// <param name="Successor">The code of the unit that carries it on.</param>
/// <param name="Share">The share of the predecessor that went into the successor: 0 &lt; share ≤ 1, and
/// the shares of a split predecessor sum to 1 (checked by <see cref="SuccessionRules.CheckLinks"/>).</param>
public sealed record SuccessionLink(UnitCode Predecessor, UnitCode Successor, double Share);
