using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Store;

namespace OpenDti.Features.Frameworks;

/// <summary>The reads of the frameworks feature, shared by the API and the pages.</summary>
public sealed partial class FrameworkQueries(OpenDtiDbContext db)
{
    public async Task<IReadOnlyList<FrameworkSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var frameworks = await db.Frameworks.AsNoTracking()
            .Include(f => f.Versions)
            .OrderBy(f => f.Code)
            .ToListAsync(cancellationToken);
        return frameworks.Select(f => new FrameworkSummary
        {
            Code = f.Code,
            Name = f.Name,
            NameEn = f.NameEn,
            Description = f.Description,
            DescriptionEn = f.DescriptionEn,
            Versions = f.Versions.OrderBy(v => v.FirstYear).Select(FrameworkVersionSummary.From).ToList(),
        }).ToList();
    }

    /// <summary>The tree of <paramref name="version"/> (default: the newest) of the framework, or null when there is none.</summary>
    public async Task<FrameworkTree?> GetAsync(string code, string? version, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking()
            .Include(f => f.Versions)
            .SingleOrDefaultAsync(f => f.Code == code, cancellationToken);
        var chosen = framework?.Versions
            .Where(v => version is null || v.Version == version)
            .MaxBy(v => v.FirstYear);
        if (framework is null || chosen is null)
        {
            return null;
        }

        var nodes = await db.FrameworkNodes.AsNoTracking()
            .Where(n => n.FrameworkVersionId == chosen.Id)
            .ToListAsync(cancellationToken);
        var names = nodes
            .Where(n => n.Expression is not null)
            .SelectMany(n => NamePattern().Matches(n.Expression!).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        var measures = (await db.Measures.AsNoTracking().ToListAsync(cancellationToken))
            .Where(m => names.Contains(m.Code.Value))
            .OrderBy(m => m.Code.Value, StringComparer.Ordinal)
            .Select(MeasureSummary.From)
            .ToList();

        return new FrameworkTree
        {
            Code = framework.Code,
            Name = framework.Name,
            NameEn = framework.NameEn,
            Description = framework.Description,
            DescriptionEn = framework.DescriptionEn,
            Version = FrameworkVersionSummary.From(chosen),
            AllVersions = framework.Versions.OrderBy(v => v.FirstYear).Select(v => v.Version).ToList(),
            Pillars = ChildrenOf(null, nodes),
            Measures = measures,
        };
    }

    private static List<FrameworkNodeTree> ChildrenOf(int? parentId, IReadOnlyList<FrameworkNode> nodes) =>
        nodes
            .Where(n => n.ParentId == parentId)
            .OrderBy(n => n.Position)
            .Select(n => new FrameworkNodeTree
            {
                Code = n.Code.Value,
                Kind = n.Kind.ToString().ToLowerInvariant(),
                Name = n.Name,
                NameEn = n.NameEn,
                Weight = n.Weight,
                Expression = n.Expression,
                Direction = n.Direction,
                UnitOfMeasure = n.UnitOfMeasure,
                GoalpostLow = n.GoalpostLow,
                GoalpostHigh = n.GoalpostHigh,
                Description = n.Description,
                DescriptionEn = n.DescriptionEn,
                Children = ChildrenOf(n.Id, nodes),
            })
            .ToList();

    // The names an expression reads; the domain parser checked them when the framework was loaded.
    [GeneratedRegex("[A-Z][A-Z0-9_]*")]
    private static partial Regex NamePattern();
}
