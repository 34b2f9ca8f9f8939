using System.Globalization;
using OpenDti.Domain.Events;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Text;
using OpenDti.Store.Model;

namespace OpenDti.Features.Events;

/// <summary>
/// An event as a form or the API sends it. Times are Vietnam local time (<c>yyyy-MM-ddTHH:mm</c>), as people
/// write them; <see cref="Check"/> turns them into UTC and lists every problem with its field.
/// </summary>
public sealed record ConferenceInput
{
    public string? Kind { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? StartsAt { get; init; }

    public string? EndsAt { get; init; }

    public string? HostUnit { get; init; }

    public string? Organisers { get; init; }

    public string? Partners { get; init; }

    public string? Format { get; init; }

    public string? VideoLink { get; init; }

    public string? Audience { get; init; }

    public IReadOnlyList<AgendaInput>? Agenda { get; init; }

    /// <summary>
    /// When changing an event: the version it was read at (<c>version</c> of the event's detail). If the event
    /// changed since, the change is refused (409) and nothing is written. Without it, the change applies to
    /// whatever is stored.
    /// </summary>
    public Guid? Version { get; init; }

    internal static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm"];

    /// <summary>Every problem of the input; the event to store (without id and host unit) when there is none.</summary>
    public (Conference? Conference, IReadOnlyList<InputProblem> Problems) Check()
    {
        var problems = new List<InputProblem>();
        var kind = ParseEnum<ConferenceKind>(Kind, "kind", "conference, training or workshop", problems);
        var format = ParseEnum<ConferenceFormat>(Format?.Replace("-", string.Empty, StringComparison.Ordinal), "format", "in-person, online or hybrid", problems);
        var title = Text(Title, "title", EventLimits.Title, required: true, problems);
        var starts = Time(StartsAt, "startsAt", problems);
        var ends = Time(EndsAt, "endsAt", problems);
        if (starts is { } s && ends is { } e && e < s)
        {
            problems.Add(new InputProblem("event.ends-before-start", new ProblemPlace(Field: "endsAt"), "thời điểm kết thúc không trước khi bắt đầu / an end not before the start", EndsAt));
        }

        var link = Text(VideoLink, "videoLink", EventLimits.Link, required: false, problems);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add(new InputProblem("event.link-invalid", new ProblemPlace(Field: "videoLink"), "một địa chỉ http:// hoặc https:// / an http or https address", link));
        }
        else if (link is null && format is ConferenceFormat.Online or ConferenceFormat.Hybrid)
        {
            problems.Add(new InputProblem("event.link-missing", new ProblemPlace(Field: "videoLink"), "đường dẫn họp trực tuyến cho sự kiện trực tuyến hoặc kết hợp / the video-conference link of an online or hybrid event", null));
        }

        var agenda = new List<AgendaItem>();
        foreach (var (item, index) in (Agenda ?? []).Select((a, i) => (a, i)))
        {
            agenda.Add(item.Check(index + 1, problems));
        }

        var conference = new Conference
        {
            Kind = kind ?? default,
            Title = title ?? string.Empty,
            Description = Text(Description, "description", EventLimits.Text, required: false, problems),
            StartsAtUtc = starts ?? default,
            EndsAtUtc = ends ?? default,
            Organisers = Text(Organisers, "organisers", EventLimits.Text, required: false, problems),
            Partners = Text(Partners, "partners", EventLimits.Text, required: false, problems),
            Format = format ?? default,
            VideoLink = link,
            Audience = Text(Audience, "audience", EventLimits.Name, required: false, problems),
        };
        conference.Agenda.AddRange(agenda);
        return problems.Count > 0 ? (null, problems) : (conference, problems);
    }

    internal static string? Text(string? text, string field, int maxLength, bool required, List<InputProblem> problems)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text.Trim());
        if (value is null && required)
        {
            problems.Add(new InputProblem("field.required", new ProblemPlace(Field: field), "một giá trị / a value", null));
        }
        else if (value is { Length: var length } && length > maxLength)
        {
            problems.Add(new InputProblem("field.too-long", new ProblemPlace(Field: field), $"tối đa / at most {maxLength} ký tự / characters", $"{length}"));
        }

        return value;
    }

    private static DateTime? Time(string? text, string field, List<InputProblem> problems)
    {
        if (DateTime.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTime.SpecifyKind(local - VietnamOffset, DateTimeKind.Utc);
        }

        problems.Add(new InputProblem("field.time", new ProblemPlace(Field: field), "ngày giờ Việt Nam dạng 2026-03-20T08:00 / a Vietnam date and time such as 2026-03-20T08:00", text));
        return null;
    }

    private static T? ParseEnum<T>(string? text, string field, string expected, List<InputProblem> problems)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        problems.Add(new InputProblem("field.choice", new ProblemPlace(Field: field), expected, text));
        return null;
    }
}

/// <summary>One agenda topic as sent: title, speaker, the speaker's position, time (HH:mm) and materials.</summary>
public sealed record AgendaInput(string? Title, string? Speaker, string? SpeakerPosition, string? StartsAt, string? Materials)
{
    internal AgendaItem Check(int order, List<InputProblem> problems)
    {
        var prefix = $"agenda[{order - 1}].";
        TimeOnly? at = null;
        if (!string.IsNullOrWhiteSpace(StartsAt))
        {
            if (TimeOnly.TryParseExact(StartsAt.Trim(), ["HH:mm", "H:mm", "HH'h'mm", "H'h'mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                at = parsed;
            }
            else
            {
                problems.Add(new InputProblem("field.time", new ProblemPlace(Field: prefix + "startsAt"), "giờ dạng 08:30 / a time such as 08:30", StartsAt));
            }
        }

        return new AgendaItem
        {
            Order = order,
            Title = ConferenceInput.Text(Title, prefix + "title", EventLimits.Title, required: true, problems) ?? string.Empty,
            Speaker = ConferenceInput.Text(Speaker, prefix + "speaker", EventLimits.Name, required: false, problems),
            SpeakerPosition = ConferenceInput.Text(SpeakerPosition, prefix + "speakerPosition", EventLimits.Name, required: false, problems),
            StartsAt = at,
            Materials = ConferenceInput.Text(Materials, prefix + "materials", EventLimits.Link, required: false, problems),
        };
    }
}

/// <summary>A bridge point as sent one by one or read from a row of an imported file.</summary>
public sealed record BridgePointInput(string? Organisation, string? Place, string? ContactPerson, string? ExpectedAttendance);
