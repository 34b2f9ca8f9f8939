namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// The KPIs of one unit (with everything that rolls up into it) for one month, or for the whole file when
/// <see cref="Month"/> is <see cref="AllMonths"/>. Shares are 0–1 and empty (null) when their denominator
/// is zero; processing times are days (fractional). Definitions: docs/dossier-kpis.md.
/// </summary>
public sealed record KpiRow
{
    public const string AllMonths = "all";

    public required string UnitCode { get; init; }

    /// <summary><c>yyyy-MM</c> of received_at, or <see cref="AllMonths"/>.</summary>
    public required string Month { get; init; }

    public long Received { get; init; }

    public long ReceivedOnline { get; init; }

    public double? OnlineShare { get; init; }

    public long Resolved { get; init; }

    public long ResolvedOnTime { get; init; }

    public double? OnTimeShare { get; init; }

    public long OverdueOpen { get; init; }

    public double? AverageProcessingDays { get; init; }

    public double? MedianProcessingDays { get; init; }

    /// <summary>Full-online procedures in the catalogue (null without a catalogue).</summary>
    public int? FullOnlineProcedures { get; init; }

    /// <summary>Of those, how many had at least one online dossier here.</summary>
    public int? FullOnlineProceduresWithOnlineDossier { get; init; }

    public double? FullOnlineShare { get; init; }
}
