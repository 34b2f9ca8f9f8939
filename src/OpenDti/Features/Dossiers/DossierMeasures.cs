namespace OpenDti.Features.Dossiers;

/// <summary>
/// The measures the ingestion writes (Seed/frameworks/measures.json), one per KPI of docs/dossier-kpis.md that can
/// be stored as a value. Shares are not stored: they are ratios of these (the PUBLIC_SERVICES framework's
/// indicators), and a ratio cannot be summed up the hierarchy. Processing days and the full-online procedure
/// counts cannot be summed either: each unit's value is taken again from the stored dossier states.
/// </summary>
internal static class DossierMeasures
{
    public const string Received = "PUBLIC_DOSSIERS_RECEIVED";
    public const string ReceivedOnline = "PUBLIC_DOSSIERS_RECEIVED_ONLINE";
    public const string Resolved = "PUBLIC_DOSSIERS_RESOLVED";
    public const string ResolvedOnTime = "PUBLIC_DOSSIERS_RESOLVED_ON_TIME";
    public const string OverdueOpen = "PUBLIC_DOSSIERS_OVERDUE_OPEN";
    public const string ProcessingDaysMean = "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEAN";
    public const string ProcessingDaysMedian = "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEDIAN";
    public const string FullOnlineProcedures = "PUBLIC_FULL_ONLINE_PROCEDURES";
    public const string FullOnlineProceduresUsed = "PUBLIC_FULL_ONLINE_PROCEDURES_USED";

    /// <summary>The five counts, in the order of the KPI query's columns.</summary>
    public static IReadOnlyList<string> Counts { get; } = [Received, ReceivedOnline, Resolved, ResolvedOnTime, OverdueOpen];

    /// <summary>Every measure the ingestion writes: the counts, then the processing days, then the full-online procedures.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Counts, ProcessingDaysMean, ProcessingDaysMedian, FullOnlineProcedures, FullOnlineProceduresUsed];
}
