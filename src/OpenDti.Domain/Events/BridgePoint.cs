namespace OpenDti.Domain.Events;

/// <summary>
/// A bridge point (điểm cầu) of an event: an organisation's room where people follow the event, with the
/// attendance it expects and the attendance it last reported through its check-in link.
/// </summary>
public sealed class BridgePoint
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The event.</summary>
    public int ConferenceId { get; set; }

    /// <summary>Its number in the event, from 1.</summary>
    public int Number { get; set; }

    /// <summary>The unit or organisation that runs it, as written (NFC).</summary>
    public required string Organisation { get; set; }

    /// <summary>The organisation's name folded for counting distinct organisations (NFC, trimmed, lower case, single spaces).</summary>
    public required string OrganisationKey { get; set; }

    /// <summary>Where it is.</summary>
    public string? Place { get; set; }

    /// <summary>Who to call.</summary>
    public string? ContactPerson { get; set; }

    /// <summary>The attendance expected, people.</summary>
    public int ExpectedAttendance { get; set; }

    /// <summary>Officials in the last report (0 until the point reports).</summary>
    public int Officials { get; set; }

    /// <summary>Party members in the last report.</summary>
    public int PartyMembers { get; set; }

    /// <summary>Citizens in the last report.</summary>
    public int Citizens { get; set; }

    /// <summary>Others in the last report.</summary>
    public int Other { get; set; }

    /// <summary>The attendance last reported; null until the point reports.</summary>
    public Attendance? Reported => ReportedAtUtc is null ? null : new Attendance(Officials, PartyMembers, Citizens, Other);

    /// <summary>The note that came with the last report.</summary>
    public string? ReportNote { get; set; }

    /// <summary>When it last reported (UTC); null until it does.</summary>
    public DateTime? ReportedAtUtc { get; set; }

    /// <summary>How many reports it sent (a later one replaces an earlier one).</summary>
    public int ReportCount { get; set; }

    /// <summary>Folds an organisation's name for <see cref="OrganisationKey"/>.</summary>
    public static string KeyOf(string organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var normal = Text.VietnameseText.Normalize(organisation).Trim().ToLowerInvariant();
        return string.Join(' ', normal.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
