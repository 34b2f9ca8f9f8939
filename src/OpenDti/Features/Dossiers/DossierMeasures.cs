namespace OpenDti.Features.Dossiers;

/// <summary>
/// The measures the ingestion writes (Seed/frameworks/measures.json), one per count of docs/dossier-kpis.md.
/// Shares are not stored: they are ratios of these (an indicator's expression), and a ratio cannot be summed
/// up the hierarchy. Processing days and the full-online share are not stored yet (the KPI file has them).
/// </summary>
internal static class DossierMeasures
{
    public const string Received = "PUBLIC_DOSSIERS_RECEIVED";
    public const string ReceivedOnline = "PUBLIC_DOSSIERS_RECEIVED_ONLINE";
    public const string Resolved = "PUBLIC_DOSSIERS_RESOLVED";
    public const string ResolvedOnTime = "PUBLIC_DOSSIERS_RESOLVED_ON_TIME";
    public const string OverdueOpen = "PUBLIC_DOSSIERS_OVERDUE_OPEN";

    public static IReadOnlyList<string> All { get; } = [Received, ReceivedOnline, Resolved, ResolvedOnTime, OverdueOpen];
}
