namespace OpenDti.Features.Events;

/// <summary>A unit's recent awareness events and training courses, for its page.</summary>
public sealed record UnitEvents(IReadOnlyList<ConferenceSummary> Events, IReadOnlyList<TrainingCourseSummary> Courses)
{
    /// <summary>How many of each the unit page lists.</summary>
    public const int Shown = 5;

    public bool IsEmpty => Events.Count == 0 && Courses.Count == 0;
}
