namespace OpenDti.Domain.Frameworks;

/// <summary>The place of a node in a framework tree.</summary>
public enum FrameworkNodeKind
{
    /// <summary>A pillar (trụ cột), e.g. digital government, or the common foundation.</summary>
    Pillar = 0,

    /// <summary>A group of indicators (a "main index" of the DTI).</summary>
    Group = 1,

    /// <summary>An indicator: an expression over measures.</summary>
    Indicator = 2,
}
