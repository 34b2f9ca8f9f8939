namespace OpenDti.Domain.Events;

/// <summary>
/// An awareness event (conference, training or workshop) hosted by a reporting unit: its agenda, its bridge
/// points (điểm cầu) and what they reported. Closing it (<see cref="ConferenceStatus.Reported"/>) makes the
/// attendance final.
/// </summary>
public sealed class Conference
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>Conference, training or workshop.</summary>
    public ConferenceKind Kind { get; set; }

    /// <summary>The title, NFC.</summary>
    public required string Title { get; set; }

    /// <summary>What it is about.</summary>
    public string? Description { get; set; }

    /// <summary>When it starts (UTC).</summary>
    public DateTime StartsAtUtc { get; set; }

    /// <summary>When it ends (UTC), not before <see cref="StartsAtUtc"/>.</summary>
    public DateTime EndsAtUtc { get; set; }

    /// <summary>The unit that hosts it: its administrators manage it, and its counts go to this unit's measures.</summary>
    public int HostUnitId { get; set; }

    /// <summary>The organisers, as written (one per line).</summary>
    public string? Organisers { get; set; }

    /// <summary>The partners, as written (one per line).</summary>
    public string? Partners { get; set; }

    /// <summary>In person, online or hybrid.</summary>
    public ConferenceFormat Format { get; set; }

    /// <summary>The video-conference link, for online and hybrid events (http or https).</summary>
    public string? VideoLink { get; set; }

    /// <summary>Who it is for.</summary>
    public string? Audience { get; set; }

    /// <summary>Planned, held or reported (closed).</summary>
    public ConferenceStatus Status { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user who created it.</summary>
    public int? CreatedByUserId { get; set; }

    /// <summary>
    /// Changes with every change of the event's details, agenda or status: an edit made from an older version
    /// is refused instead of silently overwriting the other change.
    /// </summary>
    public Guid ConcurrencyToken { get; set; }

    /// <summary>The agenda, in order.</summary>
    public List<AgendaItem> Agenda { get; } = [];

    /// <summary>The bridge points.</summary>
    public List<BridgePoint> BridgePoints { get; } = [];

    /// <summary>True while bridge points may report: until the event is closed.</summary>
    public bool IsOpenForCheckIn => Status != ConferenceStatus.Reported;
}
