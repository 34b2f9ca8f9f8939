namespace OpenDti.IndexEngine.Model;

/// <summary>What a metadata row describes (COINr <c>Type</c> column).</summary>
public enum NodeType
{
    /// <summary>A measured indicator, a column of the data table (COINr <c>Indicator</c>, level 1).</summary>
    Indicator,

    /// <summary>A weighted aggregate of its children: a pillar, a sub-pillar or the index itself (COINr <c>Aggregate</c>).</summary>
    Aggregate,
}
