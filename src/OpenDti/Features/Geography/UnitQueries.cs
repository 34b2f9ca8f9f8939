using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Text;
using OpenDti.Store;

namespace OpenDti.Features.Geography;

/// <summary>The reads of the geography feature, shared by the API, the pages and the CLI.</summary>
public sealed class UnitQueries(OpenDtiDbContext db)
{
    /// <summary>Units of <paramref name="level"/> (all levels when null) valid on <paramref name="on"/>, in official code order.</summary>
    public async Task<IReadOnlyList<UnitSummary>> ListAsync(UnitLevel? level, DateOnly on, CancellationToken cancellationToken)
    {
        var query = db.Units.AsNoTracking()
            .Where(u => (u.ValidFrom == null || u.ValidFrom <= on) && (u.ValidTo == null || on <= u.ValidTo));
        if (level is { } wanted)
        {
            query = query.Where(u => u.Level == wanted);
        }

        var rows = await query
            .Select(u => new { Unit = u, ParentCode = u.Parent == null ? (UnitCode?)null : u.Parent.Code })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => UnitSummary.From(r.Unit, r.ParentCode))
            .OrderBy(u => u.Level)
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Like <see cref="ListAsync"/>, with each unit's predecessors and successors, for the unit list page.</summary>
    public async Task<IReadOnlyList<UnitListRow>> ListWithSuccessionsAsync(UnitLevel level, DateOnly on, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Level == level && (u.ValidFrom == null || u.ValidFrom <= on) && (u.ValidTo == null || on <= u.ValidTo))
            .Select(u => new { Unit = u, ParentCode = u.Parent == null ? (UnitCode?)null : u.Parent.Code })
            .ToListAsync(cancellationToken);
        var ids = units.Select(u => u.Unit.Id).ToList();
        var links = await db.Successions.AsNoTracking()
            .Where(s => ids.Contains(s.PredecessorId) || ids.Contains(s.SuccessorId))
            .Include(s => s.Predecessor)
            .Include(s => s.Successor)
            .ToListAsync(cancellationToken);

        return units
            .Select(u => new UnitListRow
            {
                Unit = UnitSummary.From(u.Unit, u.ParentCode),
                Predecessors = links
                    .Where(s => s.SuccessorId == u.Unit.Id)
                    .Select(s => SuccessionRow.From(s.Predecessor!, s.EffectiveDate, s.Kind, s.Share))
                    .OrderBy(s => s.Code, StringComparer.Ordinal)
                    .ToList(),
                Successors = links
                    .Where(s => s.PredecessorId == u.Unit.Id)
                    .Select(s => SuccessionRow.From(s.Successor!, s.EffectiveDate, s.Kind, s.Share))
                    .ToList(),
            })
            .OrderBy(r => r.Unit.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The unit with <paramref name="code"/> valid on <paramref name="on"/>; without a date, the one valid
    /// <paramref name="today"/>, or else the most recent one that had the code (so that /units/02 still
    /// finds Hà Giang after it merged). Null when no unit ever had the code.
    /// </summary>
    public async Task<UnitDetail?> FindAsync(UnitCode code, DateOnly? on, DateOnly today, CancellationToken cancellationToken)
    {
        var candidates = await db.Units.AsNoTracking()
            .Where(u => u.Code == code)
            .Include(u => u.Parent)
            .ToListAsync(cancellationToken);
        var unit = on is { } date
            ? candidates.FirstOrDefault(u => u.IsValidOn(date))
            : candidates.FirstOrDefault(u => u.IsValidOn(today))
                ?? candidates.OrderByDescending(u => u.ValidTo ?? DateOnly.MaxValue).FirstOrDefault();
        if (unit is null)
        {
            return null;
        }

        var predecessors = await db.Successions.AsNoTracking()
            .Where(s => s.SuccessorId == unit.Id)
            .Select(s => new { s.Predecessor, s.EffectiveDate, s.Kind, s.Share })
            .ToListAsync(cancellationToken);
        var successors = await db.Successions.AsNoTracking()
            .Where(s => s.PredecessorId == unit.Id)
            .Select(s => new { s.Successor, s.EffectiveDate, s.Kind, s.Share })
            .ToListAsync(cancellationToken);
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == unit.Id)
            .ToListAsync(cancellationToken);

        return new UnitDetail
        {
            Id = unit.Id,
            Code = unit.Code.Value,
            Name = unit.Name,
            Level = UnitLevels.Name(unit.Level),
            ValidFrom = unit.ValidFrom,
            ValidTo = unit.ValidTo,
            ParentCode = unit.Parent?.Code.Value,
            ParentName = unit.Parent?.Name,
            Predecessors = predecessors
                .Select(p => SuccessionRow.From(p.Predecessor!, p.EffectiveDate, p.Kind, p.Share))
                .OrderBy(p => p.Name, VietnameseText.Comparer)
                .ToList(),
            Successors = successors
                .Select(s => SuccessionRow.From(s.Successor!, s.EffectiveDate, s.Kind, s.Share))
                .OrderBy(s => s.Name, VietnameseText.Comparer)
                .ToList(),
            ChildCount = children.Count(c => c.IsValidOn(on ?? today)),
        };
    }
}
