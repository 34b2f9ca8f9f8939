namespace OpenDti.Domain.Events;

/// <summary>One session of a training course: a day, a topic and its lecturer.</summary>
public sealed class TrainingSession
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The course.</summary>
    public int TrainingCourseId { get; set; }

    /// <summary>The day.</summary>
    public DateOnly On { get; set; }

    /// <summary>The topic, e.g. "Tổng quan về chuyển đổi số".</summary>
    public required string Topic { get; set; }

    /// <summary>The lecturer.</summary>
    public string? Lecturer { get; set; }
}
