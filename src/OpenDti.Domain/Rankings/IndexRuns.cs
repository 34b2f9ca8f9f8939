namespace OpenDti.Domain.Rankings;

/// <summary>Names shared by everything that reads or writes index runs.</summary>
public static class IndexRuns
{
    /// <summary>The node code of the whole index, the root above a framework's pillars.</summary>
    public const string IndexCode = "INDEX";
}
