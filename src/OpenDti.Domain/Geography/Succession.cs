namespace OpenDti.Domain.Geography;

/// <summary>
/// A link from a unit that ended to a unit that carries it on, with the share of the predecessor that
/// went into the successor. The provinces merged by Resolution 202/2025/QH15 each pass their whole
/// territory (share 1) into one successor on 1 July 2025.
/// </summary>
public sealed class Succession
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The unit that ended.</summary>
    public int PredecessorId { get; set; }

    /// <summary>The unit that ended, when loaded.</summary>
    public ReportingUnit? Predecessor { get; set; }

    /// <summary>The unit that carries it on.</summary>
    public int SuccessorId { get; set; }

    /// <summary>The unit that carries it on, when loaded.</summary>
    public ReportingUnit? Successor { get; set; }

    /// <summary>The first day of the successor.</summary>
    public required DateOnly EffectiveDate { get; init; }

    /// <summary>The share (0 &lt; share ≤ 1) of the predecessor that went into the successor.</summary>
    public required double Share { get; init; }

    /// <summary>Merge, split or rename.</summary>
    public required SuccessionKind Kind { get; init; }

    /// <summary>The legal act that made the change, e.g. "Nghị quyết 202/2025/QH15".</summary>
    public string? LegalBasis { get; init; }
}
