using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// Every unit, read once per ingestion (a few thousand rows): a dossier's unit code is resolved to the unit
/// in force on the day it was received (a code can name an old province and its successor), and KPIs roll
/// up through the parents.
/// </summary>
internal sealed class DossierUnits
{
    private readonly ILookup<string, ReportingUnit> _byCode;
    private readonly Dictionary<int, ReportingUnit> _byId;

    private DossierUnits(List<ReportingUnit> units)
    {
        _byCode = units.ToLookup(u => u.Code.Value, StringComparer.Ordinal);
        _byId = units.ToDictionary(u => u.Id);
    }

    public static async Task<DossierUnits> LoadAsync(OpenDtiDbContext db, CancellationToken cancellationToken) =>
        new(await db.Units.AsNoTracking().ToListAsync(cancellationToken));

    public bool IsKnown(string code) => _byCode.Contains(code);

    /// <summary>The nation, the root of every unit.</summary>
    public int NationId => _byId.Values.First(u => u.Level == UnitLevel.Nation).Id;

    /// <summary>Every unit that had the code, whenever.</summary>
    public IEnumerable<ReportingUnit> WithCode(string code) => _byCode[code];

    /// <summary>The unit with the code in force on <paramref name="date"/>, else null.</summary>
    public ReportingUnit? Resolve(string code, DateOnly date) => _byCode[code].FirstOrDefault(u => u.IsValidOn(date));

    public ReportingUnit Unit(int id) => _byId[id];

    public UnitLevel Level(int id) => _byId[id].Level;

    /// <summary>The unit, then its parent, up to the nation.</summary>
    public IReadOnlyList<int> Ancestry(int id)
    {
        var chain = new List<int>();
        for (int? current = id; current is { } c && chain.Count < 16 && !chain.Contains(c); current = _byId.GetValueOrDefault(c)?.ParentId)
        {
            chain.Add(c);
        }

        return chain;
    }
}
