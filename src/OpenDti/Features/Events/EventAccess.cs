using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Events;

/// <summary>
/// Who may organise: creating and changing events and training courses takes <see cref="Ability.Administer"/>
/// on the host unit — a province-admin of the unit's province (or of the unit itself), or a national-admin.
/// Data-entry, reviewers and viewers may not: an event's check-in links and its counts feed the index, so
/// it is the administrators' to run (docs/events.md).
/// </summary>
public sealed class EventAccess(OpenDtiDbContext db, UnitHierarchy hierarchy)
{
    /// <summary>True when <paramref name="actor"/> may organise events hosted by the unit.</summary>
    public async Task<bool> MayOrganiseAsync(SignedIn? actor, int hostUnitId, CancellationToken cancellationToken) =>
        actor is not null && actor.Allows(Ability.Administer, await hierarchy.AncestryAsync(hostUnitId, cancellationToken));

    /// <summary>True when the actor may organise events somewhere (to show the "new event" link).</summary>
    public static bool MayOrganiseSomewhere(SignedIn? actor) => actor?.HasAnywhere(Ability.Administer) == true;

    /// <summary>The unit in force today with <paramref name="code"/>.</summary>
    public async Task<ReportingUnit?> FindUnitAsync(string? code, DateOnly on, CancellationToken cancellationToken)
    {
        var trimmed = code?.Trim() ?? string.Empty;
        if (!UnitCode.IsValid(trimmed))
        {
            return null;
        }

        var unitCode = new UnitCode(trimmed);
        var units = await db.Units.AsNoTracking().Where(u => u.Code == unitCode).ToListAsync(cancellationToken);
        return units.FirstOrDefault(u => u.IsValidOn(on));
    }

    /// <summary>The units the actor may host events for (the roots of their administrator roles and the provinces under them), for the form's list.</summary>
    public async Task<IReadOnlyList<ReportingUnit>> HostUnitsAsync(SignedIn actor, DateOnly on, CancellationToken cancellationToken)
    {
        var roots = actor.RootsFor(Ability.Administer);
        if (roots.Count == 0)
        {
            return [];
        }

        var units = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Nation || u.Level == UnitLevel.Province).ToListAsync(cancellationToken);
        var result = new List<ReportingUnit>();
        foreach (var unit in units.Where(u => u.IsValidOn(on)))
        {
            if (actor.Allows(Ability.Administer, await hierarchy.AncestryAsync(unit.Id, cancellationToken)))
            {
                result.Add(unit);
            }
        }

        return [.. result.OrderBy(u => u.Level).ThenBy(u => u.Name, Domain.Text.VietnameseText.Comparer)];
    }
}
