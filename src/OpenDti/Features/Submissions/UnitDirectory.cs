using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Submissions;

/// <summary>
/// Every unit, read once per request (a few thousand rows), for the pages and lists that show many units
/// at once: which province a commune lies in, and which units an actor may read or review — each unit
/// checked with <see cref="SignedIn.Allows"/>, so that an API key's scope and its owner's both hold.
/// </summary>
public sealed class UnitDirectory(OpenDtiDbContext db)
{
    private Dictionary<int, ReportingUnit>? _units;

    /// <summary>Every unit by its identity.</summary>
    public async Task<IReadOnlyDictionary<int, ReportingUnit>> AllAsync(CancellationToken cancellationToken) =>
        _units ??= await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);

    /// <summary>The units where <paramref name="actor"/> may <paramref name="ability"/>.</summary>
    public async Task<IReadOnlySet<int>> WhereAllowedAsync(SignedIn actor, Ability ability, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.RootsFor(ability).Count == 0)
        {
            return new HashSet<int>();
        }

        var units = await AllAsync(cancellationToken);
        return units.Keys.Where(id => actor.Allows(ability, Ancestry(units, id))).ToHashSet();
    }

    /// <summary>True when <paramref name="actor"/> may <paramref name="ability"/> on the unit.</summary>
    public async Task<bool> AllowsAsync(SignedIn actor, Ability ability, int unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Allows(ability, Ancestry(await AllAsync(cancellationToken), unitId));
    }

    /// <summary>The province a unit lies in (the unit itself when it is a province); null for the nation.</summary>
    public static ReportingUnit? ProvinceOf(IReadOnlyDictionary<int, ReportingUnit> units, int unitId) =>
        Ancestry(units, unitId).Select(units.GetValueOrDefault).FirstOrDefault(u => u?.Level == UnitLevel.Province);

    /// <summary>The unit, then its parent, up to the nation.</summary>
    public static IReadOnlyList<int> Ancestry(IReadOnlyDictionary<int, ReportingUnit> units, int unitId)
    {
        var chain = new List<int>();
        for (int? id = unitId; id is { } current && chain.Count < 16 && !chain.Contains(current); id = units.GetValueOrDefault(current)?.ParentId)
        {
            chain.Add(current);
        }

        return chain;
    }

    /// <summary>
    /// The unit a code means on <paramref name="on"/>: codes repeat across the 2025 reorganisation, so the
    /// one in force that day, else the one that ended last; null for an unknown or malformed code.
    /// </summary>
    public async Task<ReportingUnit?> FindAsync(string? code, DateOnly on, CancellationToken cancellationToken)
    {
        code = code?.Trim();
        if (!UnitCode.IsValid(code))
        {
            return null;
        }

        var units = await AllAsync(cancellationToken);
        var matches = units.Values.Where(u => string.Equals(u.Code.Value, code, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.FirstOrDefault(u => u.IsValidOn(on))
            ?? matches.OrderByDescending(u => u.ValidTo ?? DateOnly.MaxValue).FirstOrDefault();
    }
}
