namespace OpenDti.Domain.Events;

/// <summary>One report a bridge point sent through its link, kept as sent: the history behind <see cref="BridgePoint.Reported"/>.</summary>
public sealed class AttendanceReport
{
    /// <summary>The store's identity.</summary>
    public long Id { get; set; }

    /// <summary>The bridge point.</summary>
    public int BridgePointId { get; init; }

    /// <summary>The link it came through.</summary>
    public int CheckInLinkId { get; init; }

    /// <summary>The attendance reported.</summary>
    public required Attendance Attendance { get; init; }

    /// <summary>The note.</summary>
    public string? Note { get; init; }

    /// <summary>When it came (UTC).</summary>
    public DateTime AtUtc { get; init; }

    /// <summary>The sender's address.</summary>
    public string? RemoteAddress { get; init; }
}
