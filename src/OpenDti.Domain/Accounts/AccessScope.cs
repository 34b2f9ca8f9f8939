namespace OpenDti.Domain.Accounts;

/// <summary>
/// What one actor (a signed-in person or an API key) may do, and where: a list of grants, each a role on
/// a unit that covers the unit and everything under it. Asked "may I do P on unit U", it looks for a grant
/// whose role allows P on U or on one of U's ancestors. Pure: the caller supplies the unit hierarchy.
/// </summary>
public sealed class AccessScope
{
    private readonly IReadOnlyList<Grant> _grants;

    /// <summary>A scope with the given grants.</summary>
    public AccessScope(IEnumerable<Grant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        _grants = [.. grants.Where(g => Accounts.Role.IsKnown(g.Role))];
    }

    /// <summary>A scope that allows nothing (anonymous, or an account without roles).</summary>
    public static AccessScope None { get; } = new([]);

    /// <summary>The grants.</summary>
    public IReadOnlyList<Grant> Grants => _grants;

    /// <summary>True when some grant allows <paramref name="ability"/> at all (used to show or hide menus).</summary>
    public bool HasAnywhere(Ability ability) => _grants.Any(g => Allows(g.Role, ability));

    /// <summary>
    /// True when a grant allows <paramref name="ability"/> on the unit whose ancestry (the unit first,
    /// then its parent, up to the nation) is <paramref name="unitAndAncestors"/>.
    /// </summary>
    public bool Allows(Ability ability, IEnumerable<int> unitAndAncestors)
    {
        ArgumentNullException.ThrowIfNull(unitAndAncestors);
        var relevant = _grants.Where(g => Allows(g.Role, ability)).Select(g => g.UnitId).ToHashSet();
        return relevant.Count > 0 && unitAndAncestors.Any(relevant.Contains);
    }

    /// <summary>The units at the top of the subtrees where <paramref name="ability"/> is allowed.</summary>
    public IReadOnlyList<int> RootsFor(Ability ability) =>
        [.. _grants.Where(g => Allows(g.Role, ability)).Select(g => g.UnitId).Distinct()];

    /// <summary>The permissions a role gives on its subtree.</summary>
    public static bool Allows(string role, Ability ability) => role switch
    {
        Accounts.Role.NationalAdmin or Accounts.Role.ProvinceAdmin => true,
        Accounts.Role.Reviewer => ability is Ability.Read or Ability.Review,
        Accounts.Role.DataEntry => ability is Ability.Read or Ability.Enter,
        Accounts.Role.Viewer => ability is Ability.Read,
        _ => false,
    };

    /// <summary>A role on a unit's subtree.</summary>
    /// <param name="Role">One of <see cref="Accounts.Role.All"/>.</param>
    /// <param name="UnitId">The unit at the top of the subtree.</param>
    public sealed record Grant(string Role, int UnitId);
}
