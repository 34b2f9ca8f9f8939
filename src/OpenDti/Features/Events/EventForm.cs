using System.Globalization;

namespace OpenDti.Features.Events;

/// <summary>
/// The event form of <c>/events/new</c> and <c>/events/{id}/edit</c> (one partial, <c>_EventForm.cshtml</c>):
/// the fields of <see cref="ConferenceInput"/> as a browser posts them, the agenda as rows that can be added,
/// changed, put in another order (the "order" number) and removed (the "remove" box), and on editing the
/// version the form was read at.
/// </summary>
public sealed class EventForm
{
    /// <summary>Blank agenda rows offered under the existing ones, to add topics without a script.</summary>
    public const int BlankAgendaRows = 3;

    public string? Kind { get; set; } = "conference";

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? StartsAt { get; set; }

    public string? EndsAt { get; set; }

    public string? HostUnit { get; set; }

    public string? Organisers { get; set; }

    public string? Partners { get; set; }

    public string? Format { get; set; } = "online";

    public string? VideoLink { get; set; }

    public string? Audience { get; set; }

    public List<AgendaRowForm> Agenda { get; set; } = [];

    /// <summary>The event's version when the edit form was opened; null when creating.</summary>
    public Guid? Version { get; set; }

    /// <summary>
    /// The input to check: rows marked for removal and rows left blank are dropped, the others are put in the
    /// order of their "order" number (rows without one keep their place after the numbered ones).
    /// </summary>
    public ConferenceInput ToInput() => new()
    {
        Kind = Kind,
        Title = Title,
        Description = Description,
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        HostUnit = HostUnit,
        Organisers = Organisers,
        Partners = Partners,
        Format = Format,
        VideoLink = VideoLink,
        Audience = Audience,
        Agenda = [.. Agenda
            .Select((row, index) => (Row: row, Index: index))
            .Where(r => !r.Row.Remove && !r.Row.IsBlank)
            .OrderBy(r => r.Row.Order ?? int.MaxValue).ThenBy(r => r.Index)
            .Select(r => new AgendaInput(r.Row.Title, r.Row.Speaker, r.Row.SpeakerPosition, r.Row.StartsAt, r.Row.Materials))],
        Version = Version,
    };

    /// <summary>The form of a stored event, to change it.</summary>
    public static EventForm From(ConferenceDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var s = detail.Summary;
        return new EventForm
        {
            Kind = s.Kind,
            Title = s.Title,
            Description = detail.Description,
            StartsAt = Local(s.StartsAt),
            EndsAt = Local(s.EndsAt),
            HostUnit = s.HostUnit,
            Organisers = detail.Organisers,
            Partners = detail.Partners,
            Format = s.Format,
            VideoLink = detail.VideoLink,
            Audience = detail.Audience,
            Agenda = [.. detail.Agenda.Select(a => new AgendaRowForm
            {
                Order = a.Order,
                StartsAt = a.StartsAt,
                Title = a.Title,
                Speaker = a.Speaker,
                SpeakerPosition = a.SpeakerPosition,
                Materials = a.Materials,
            })],
            Version = detail.Version,
        };
    }

    /// <summary>The rows to show: the agenda rows written so far, then blank rows to add topics.</summary>
    public IReadOnlyList<AgendaRowForm> RowsToShow()
    {
        var rows = Agenda.Where(r => !r.IsBlank).ToList();
        return [.. rows, .. Enumerable.Range(0, BlankAgendaRows).Select(_ => new AgendaRowForm())];
    }

    private static string Local(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>One agenda row of <see cref="EventForm"/>.</summary>
public sealed class AgendaRowForm
{
    /// <summary>The place in the agenda the organiser wants (1 first); rows are sorted by it on saving.</summary>
    public int? Order { get; set; }

    public string? StartsAt { get; set; }

    public string? Title { get; set; }

    public string? Speaker { get; set; }

    public string? SpeakerPosition { get; set; }

    public string? Materials { get; set; }

    /// <summary>True to remove the topic on saving.</summary>
    public bool Remove { get; set; }

    /// <summary>True when nothing was written in the row (a blank row offered for a new topic).</summary>
    public bool IsBlank =>
        string.IsNullOrWhiteSpace(StartsAt) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Speaker)
        && string.IsNullOrWhiteSpace(SpeakerPosition) && string.IsNullOrWhiteSpace(Materials);
}
