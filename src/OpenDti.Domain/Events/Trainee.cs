namespace OpenDti.Domain.Events;

/// <summary>An official enrolled in a training course: name, unit and position, and whether and when they completed it.</summary>
public sealed class Trainee
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The course.</summary>
    public int TrainingCourseId { get; set; }

    /// <summary>Full name, NFC.</summary>
    public required string FullName { get; set; }

    /// <summary>The unit (cơ quan, đơn vị) the official works in, as written.</summary>
    public required string Unit { get; set; }

    /// <summary>The position (chức vụ).</summary>
    public string? Position { get; set; }

    /// <summary>The day they completed the course; null while they have not.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The certificate number, given on completion (course id and trainee id).</summary>
    public string? CertificateNumber { get; set; }
}
