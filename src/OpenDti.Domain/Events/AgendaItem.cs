namespace OpenDti.Domain.Events;

/// <summary>One topic of an event's agenda: its title, speaker and the speaker's position, time and materials.</summary>
public sealed class AgendaItem
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The event.</summary>
    public int ConferenceId { get; set; }

    /// <summary>The place in the agenda, from 1.</summary>
    public int Order { get; set; }

    /// <summary>The topic.</summary>
    public required string Title { get; set; }

    /// <summary>Who presents it.</summary>
    public string? Speaker { get; set; }

    /// <summary>The speaker's position (chức vụ).</summary>
    public string? SpeakerPosition { get; set; }

    /// <summary>When it starts, local time of the event.</summary>
    public TimeOnly? StartsAt { get; set; }

    /// <summary>Materials: a link or a description.</summary>
    public string? Materials { get; set; }
}
