namespace OpenDti.Domain.Events;

/// <summary>Where an event stands: planned → held → reported.</summary>
public enum ConferenceStatus
{
    /// <summary>Announced; bridge points may already report.</summary>
    Planned,

    /// <summary>It took place; bridge points may still report.</summary>
    Held,

    /// <summary>Closed: attendance is final, check-in links refuse, the counts are in the index.</summary>
    Reported,
}
