using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// What one dossier adds to the KPIs of its unit and month (definitions in docs/dossier-kpis.md):
/// month = month of received_at; resolved = has finished_at; on time = finished_at ≤ due_at;
/// overdue still open = no finished_at and due_at before the first second of the next month;
/// processing time = finished_at − received_at, in seconds for the average and in whole minutes
/// (rounded down) for the median.
/// </summary>
internal static class DossierRules
{
    public static CellCounts Contribution(Channel channel, long receivedAt, long dueAt, long finishedAt, int month)
    {
        var counts = new CellCounts { Received = 1, ReceivedOnline = channel == Channel.Online ? 1 : 0 };
        if (finishedAt != DossierRow.Open)
        {
            counts.Resolved = 1;
            counts.ResolvedOnTime = finishedAt <= dueAt ? 1 : 0;
            counts.ProcessingSeconds = finishedAt - receivedAt;
        }
        else if (dueAt < LocalTime.StartOfNextMonth(month))
        {
            counts.OverdueOpen = 1;
        }

        return counts;
    }

    public static uint ProcessingMinutes(long receivedAt, long finishedAt) => (uint)((finishedAt - receivedAt) / 60);
}
