namespace OpenDti.Domain.Events;

/// <summary>
/// A training course for officials hosted by a unit: its sessions (topics and lecturers) and its trainees.
/// A trainee who completes it counts once towards the host unit's officials trained in the year it ends.
/// </summary>
public sealed class TrainingCourse
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The title, NFC.</summary>
    public required string Title { get; set; }

    /// <summary>What it teaches.</summary>
    public string? Description { get; set; }

    /// <summary>The unit that runs it.</summary>
    public int HostUnitId { get; set; }

    /// <summary>The first day.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The last day; completions count in this day's year.</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The sessions, in order.</summary>
    public List<TrainingSession> Sessions { get; } = [];

    /// <summary>The trainees enrolled.</summary>
    public List<Trainee> Trainees { get; } = [];
}
