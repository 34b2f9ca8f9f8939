namespace OpenDti.Domain.Events;

/// <summary>What an awareness event is.</summary>
public enum ConferenceKind
{
    /// <summary>A conference (hội nghị), often broadcast to many bridge points.</summary>
    Conference,

    /// <summary>A training event (tập huấn).</summary>
    Training,

    /// <summary>A workshop or seminar (hội thảo).</summary>
    Workshop,
}
