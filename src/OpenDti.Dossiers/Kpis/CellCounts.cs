namespace OpenDti.Dossiers.Kpis;

/// <summary>The additive counts of one (unit, month), or of a roll-up of several.</summary>
internal struct CellCounts
{
    public long Received;
    public long ReceivedOnline;
    public long Resolved;
    public long ResolvedOnTime;
    public long OverdueOpen;

    /// <summary>Processing time of the resolved dossiers, whole seconds (exact; the average is taken from it).</summary>
    public long ProcessingSeconds;

    public void Add(in CellCounts other)
    {
        Received += other.Received;
        ReceivedOnline += other.ReceivedOnline;
        Resolved += other.Resolved;
        ResolvedOnTime += other.ResolvedOnTime;
        OverdueOpen += other.OverdueOpen;
        ProcessingSeconds += other.ProcessingSeconds;
    }

    public void Subtract(in CellCounts other)
    {
        Received -= other.Received;
        ReceivedOnline -= other.ReceivedOnline;
        Resolved -= other.Resolved;
        ResolvedOnTime -= other.ResolvedOnTime;
        OverdueOpen -= other.OverdueOpen;
        ProcessingSeconds -= other.ProcessingSeconds;
    }
}
