using System.Collections.Immutable;
using System.Globalization;
using OpenDti.IndexEngine.Problems;

namespace OpenDti.IndexEngine.Model;

/// <summary>The structural rules of indicator metadata, each broken rule reported with its row and column.</summary>
internal static class MetadataChecks
{
    public static List<IndexProblem> Check(ImmutableArray<IndexNode> nodes, out int[] parents)
    {
        var problems = new List<IndexProblem>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        parents = new int[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (!index.TryAdd(node.Code, i))
            {
                problems.Add(Problem(i, "iCode", $"a unique code; '{node.Code}' appears more than once"));
            }

            CheckRow(node, i, problems);
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            parents[i] = -1;
            if (nodes[i].Parent is not { Length: > 0 } parent)
            {
                continue;
            }

            if (!index.TryGetValue(parent, out var p))
            {
                problems.Add(Problem(i, "Parent", $"the code of another row; '{parent}' is not in the metadata"));
                continue;
            }

            parents[i] = p;
            if (nodes[p].Type == NodeType.Indicator)
            {
                problems.Add(Problem(i, "Parent", $"an aggregate; '{parent}' is an indicator"));
            }
            else if (nodes[p].Level <= nodes[i].Level)
            {
                problems.Add(Problem(i, "Parent", $"a parent at a higher level than {nodes[i].Level}; '{parent}' is at level {nodes[p].Level}"));
            }
        }

        CheckCycles(nodes, parents, problems);
        CheckRootsAndChildren(nodes, parents, problems);
        return problems;
    }

    private static void CheckRow(IndexNode node, int i, List<IndexProblem> problems)
    {
        if (node.Type == NodeType.Indicator && node.Level != 1)
        {
            problems.Add(Problem(i, "Level", $"level 1 for an indicator; found {node.Level}"));
        }

        if (node.Type == NodeType.Aggregate && node.Level < 2)
        {
            problems.Add(Problem(i, "Level", $"level 2 or more for an aggregate; found {node.Level}"));
        }

        if (node.Direction is not (1 or -1))
        {
            problems.Add(Problem(i, "Direction", $"1 or -1; found {node.Direction}"));
        }

        if (!double.IsFinite(node.Weight) || node.Weight < 0)
        {
            problems.Add(Problem(i, "Weight", $"a finite weight of 0 or more; found {node.Weight.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    private static void CheckCycles(ImmutableArray<IndexNode> nodes, int[] parents, List<IndexProblem> problems)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            var steps = 0;
            for (var p = parents[i]; p >= 0; p = parents[p])
            {
                if (p == i || ++steps > nodes.Length)
                {
                    problems.Add(Problem(i, "Parent", $"a tree; following the parents of '{nodes[i].Code}' never reaches the index (a cycle)"));
                    break;
                }
            }
        }
    }

    private static void CheckRootsAndChildren(ImmutableArray<IndexNode> nodes, int[] parents, List<IndexProblem> problems)
    {
        var roots = Enumerable.Range(0, nodes.Length).Where(i => parents[i] < 0 && string.IsNullOrEmpty(nodes[i].Parent)).ToList();
        if (roots.Count != 1)
        {
            var found = roots.Count == 0 ? "none" : string.Join(", ", roots.Select(r => nodes[r].Code));
            problems.Add(new IndexProblem(IndexProblem.Metadata, null, "Parent", $"exactly one row without a parent (the index); found {found}"));
        }

        for (var a = 0; a < nodes.Length; a++)
        {
            if (nodes[a].Type != NodeType.Aggregate)
            {
                continue;
            }

            var children = Enumerable.Range(0, nodes.Length).Where(c => parents[c] == a).ToList();
            if (children.Count == 0)
            {
                problems.Add(Problem(a, "iCode", $"an aggregate with at least one child; nothing has '{nodes[a].Code}' as parent"));
            }
            else if (children.Sum(c => Math.Max(0, nodes[c].Weight)) <= 0)
            {
                problems.Add(Problem(a, "Weight", $"children of '{nodes[a].Code}' whose weights sum to more than 0; they sum to 0"));
            }
        }
    }

    private static IndexProblem Problem(int i, string column, string message) =>
        new(IndexProblem.Metadata, i + 1, column, "expected " + message);
}
