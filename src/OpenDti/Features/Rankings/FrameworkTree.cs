using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Rankings;
using OpenDti.IndexEngine.Model;

namespace OpenDti.Features.Rankings;

/// <summary>
/// A framework version as the engine's metadata (COINr's shape): indicators at level 1, each aggregate
/// one level above its highest child, and a root <see cref="IndexRuns.IndexCode"/> above the pillars.
/// A node without an official weight gets 1, so siblings without weights count equally.
/// </summary>
internal static class FrameworkTree
{
    public static IReadOnlyList<IndexNode> ToIndexNodes(FrameworkVersion version)
    {
        var byId = version.Nodes.ToDictionary(n => n.Id);
        var children = version.Nodes.ToLookup(n => n.ParentId);
        var levels = new Dictionary<int, int>();
        int Level(FrameworkNode node) =>
            levels.TryGetValue(node.Id, out var known)
                ? known
                : levels[node.Id] = node.Kind == FrameworkNodeKind.Indicator ? 1 : 1 + children[node.Id].Select(Level).DefaultIfEmpty(0).Max();

        var nodes = version.Nodes
            .Select(n => new IndexNode
            {
                Code = n.Code.Value,
                Name = n.Name,
                Level = Level(n),
                Parent = n.ParentId is { } parent ? byId[parent].Code.Value : IndexRuns.IndexCode,
                Weight = n.Weight ?? 1,
                Direction = n.Direction,
                Type = n.Kind == FrameworkNodeKind.Indicator ? NodeType.Indicator : NodeType.Aggregate,
                GoalpostLow = n.GoalpostLow,
                GoalpostHigh = n.GoalpostHigh,
            })
            .ToList();
        nodes.Add(new IndexNode
        {
            Code = IndexRuns.IndexCode,
            Name = version.Framework?.Name ?? IndexRuns.IndexCode,
            Level = 1 + nodes.Where(n => n.Parent == IndexRuns.IndexCode).Select(n => n.Level).DefaultIfEmpty(0).Max(),
            Type = NodeType.Aggregate,
        });
        return nodes;
    }
}
