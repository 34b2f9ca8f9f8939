using System.Collections.Immutable;
using OpenDti.IndexEngine.Problems;

namespace OpenDti.IndexEngine.Model;

/// <summary>
/// The checked indicator metadata: a tree of any depth whose leaves are indicators and whose single root is the index.
/// Made only through <see cref="Create"/>, so a value of this type has no cycle, no missing parent and no zero weight sum.
/// </summary>
public sealed class IndexMetadata
{
    private IndexMetadata(ImmutableArray<IndexNode> nodes, ImmutableArray<int> parents, ImmutableArray<ImmutableArray<int>> children)
    {
        Nodes = nodes;
        Parents = parents;
        Children = children;
        Indicators = [.. Enumerable.Range(0, nodes.Length).Where(i => nodes[i].Type == NodeType.Indicator)];
        Root = parents.IndexOf(-1);
        AggregatesBottomUp = [.. Enumerable.Range(0, nodes.Length)
            .Where(i => nodes[i].Type == NodeType.Aggregate)
            .OrderBy(i => Depth(i, children))
            .ThenBy(i => i)];
        IndexOf = nodes.Select((n, i) => (n.Code, i)).ToImmutableDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The rows, in input order.</summary>
    public ImmutableArray<IndexNode> Nodes { get; }

    /// <summary>The code of the index (the one node without a parent).</summary>
    public string IndexCode => Nodes[Root].Code;

    /// <summary>Codes of the indicators, in input order.</summary>
    public ImmutableArray<string> IndicatorCodes => [.. Indicators.Select(i => Nodes[i].Code)];

    /// <summary>Codes of the aggregates, children before parents, the index last.</summary>
    public ImmutableArray<string> AggregateCodes => [.. AggregatesBottomUp.Select(i => Nodes[i].Code)];

    internal ImmutableArray<int> Parents { get; }

    internal ImmutableArray<ImmutableArray<int>> Children { get; }

    internal ImmutableArray<int> Indicators { get; }

    internal ImmutableArray<int> AggregatesBottomUp { get; }

    internal ImmutableDictionary<string, int> IndexOf { get; }

    internal int Root { get; }

    /// <summary>
    /// Checks the rows and builds the tree. Problems (row = position in <paramref name="nodes"/>, 1-based): duplicate code,
    /// level below 1, indicator not at level 1 or aggregate at level 1, direction other than ±1, negative or non-finite
    /// weight, missing parent, parent that is an indicator or not at a higher level, a cycle, not exactly one root,
    /// an aggregate without children, children whose weights sum to zero.
    /// </summary>
    public static Checked<IndexMetadata> Create(IEnumerable<IndexNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes.ToImmutableArray();
        var problems = MetadataChecks.Check(list, out var parents);
        if (problems.Count > 0)
        {
            return CheckedResult.Invalid<IndexMetadata>(problems);
        }

        var children = Enumerable.Range(0, list.Length)
            .Select(p => Enumerable.Range(0, list.Length).Where(c => parents[c] == p).ToImmutableArray())
            .ToImmutableArray();
        return CheckedResult.Valid<IndexMetadata>(new IndexMetadata(list, [.. parents], children));
    }

    internal int Count => Nodes.Length;

    private static int Depth(int node, ImmutableArray<ImmutableArray<int>> children) =>
        children[node].IsEmpty ? 0 : 1 + children[node].Max(c => Depth(c, children));
}
