using Microsoft.EntityFrameworkCore;
using OpenDti.Store;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Every unit's parent, read once per request (a few thousand rows), to answer "which units are above
/// this one" for access checks of whole batches without a query per row.
/// </summary>
public sealed class UnitHierarchy(OpenDtiDbContext db)
{
    private Dictionary<int, int?>? _parents;

    /// <summary>The unit, then its parent, up to the nation.</summary>
    public async Task<IReadOnlyList<int>> AncestryAsync(int unitId, CancellationToken cancellationToken)
    {
        var parents = await ParentsAsync(cancellationToken);
        var chain = new List<int>();
        for (int? id = unitId; id is { } current && chain.Count < 16 && !chain.Contains(current); id = parents.GetValueOrDefault(current))
        {
            chain.Add(current);
        }

        return chain;
    }

    /// <summary>True when <paramref name="unitId"/> is <paramref name="rootId"/> or under it.</summary>
    public async Task<bool> IsWithinAsync(int unitId, int rootId, CancellationToken cancellationToken) =>
        (await AncestryAsync(unitId, cancellationToken)).Contains(rootId);

    /// <summary>The units of the subtrees rooted at <paramref name="roots"/>, roots included.</summary>
    public async Task<IReadOnlySet<int>> SubtreesAsync(IEnumerable<int> roots, CancellationToken cancellationToken)
    {
        var parents = await ParentsAsync(cancellationToken);
        var rootSet = roots.ToHashSet();
        var result = new HashSet<int>();
        foreach (var id in parents.Keys)
        {
            if ((await AncestryAsync(id, cancellationToken)).Any(rootSet.Contains))
            {
                result.Add(id);
            }
        }

        return result;
    }

    /// <remarks>
    /// Two integers a unit, not the units: with 3,321 communes, materialising every unit for each API batch took
    /// half the app's CPU in the deadline burst (bench/load/run.sh).
    /// </remarks>
    private async Task<Dictionary<int, int?>> ParentsAsync(CancellationToken cancellationToken) =>
        _parents ??= await db.Units.Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
}
