namespace OpenDti.Store.Model;

/// <summary>A seed data set that has been applied, or removed by an administrator (then it is not applied again).</summary>
public sealed class SeedRecord
{
    /// <summary>The data set's name, e.g. "geography-2025", "frameworks", "demo".</summary>
    public required string Name { get; init; }

    /// <summary>When it was applied (UTC).</summary>
    public DateTime AppliedAtUtc { get; init; }

    /// <summary>When an administrator removed it (UTC); null while present.</summary>
    public DateTime? RemovedAtUtc { get; set; }
}
