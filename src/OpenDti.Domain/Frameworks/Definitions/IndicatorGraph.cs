namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>The references between the indicators of one version: an evaluation order and the cycles that prevent one.</summary>
internal static class IndicatorGraph
{
    /// <summary>
    /// Orders <paramref name="indicators"/> so that each comes after every indicator it refers to (depth-first
    /// post-order, so the order follows the document wherever the references allow), and returns each cycle as
    /// its path closed on its first node ("A", "B", "A").
    /// </summary>
    public static (IReadOnlyList<string> Order, IReadOnlyList<IReadOnlyList<string>> Cycles) Sort(
        IReadOnlyList<string> indicators, IReadOnlyDictionary<string, IReadOnlyList<string>> references)
    {
        var order = new List<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: ordered
        var path = new List<string>();

        void Visit(string indicator)
        {
            state[indicator] = false;
            path.Add(indicator);
            foreach (var next in references.GetValueOrDefault(indicator, []))
            {
                if (!state.TryGetValue(next, out var done))
                {
                    Visit(next);
                }
                else if (!done)
                {
                    cycles.Add([.. path[path.IndexOf(next)..], next]);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[indicator] = true;
            order.Add(indicator);
        }

        foreach (var indicator in indicators.Where(i => !state.ContainsKey(i)))
        {
            Visit(indicator);
        }

        return (order, cycles);
    }
}
