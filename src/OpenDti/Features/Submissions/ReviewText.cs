using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Values;

namespace OpenDti.Features.Submissions;

/// <summary>
/// How statuses, steps, channels and instants are written: lower-case names in JSON and URLs
/// (<c>submitted</c>, <c>not-started</c>), labels from the resources on pages and in downloads, and
/// times in Vietnam's clock (UTC+7, no daylight saving) for people.
/// </summary>
internal static class ReviewText
{
    /// <summary>A unit that must report but has no submission yet (no value saved).</summary>
    public const string NotStarted = "not-started";

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Name(SubmissionStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(SubmissionAction action) => action.ToString().ToLowerInvariant();

    public static bool TryParseStatus(string? text, out SubmissionStatus status)
    {
        status = default;
        return !string.IsNullOrWhiteSpace(text) && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out status);
    }

    /// <summary>The label of a status name (<see cref="Name(SubmissionStatus)"/> or <see cref="NotStarted"/>).</summary>
    public static string StatusLabel(IStringLocalizer localizer, string status) => status switch
    {
        NotStarted => localizer["Not started"],
        "draft" => localizer["Draft"],
        "submitted" => localizer["Submitted"],
        "returned" => localizer["Returned"],
        "approved" => localizer["Approved"],
        _ => status,
    };

    public static string ActionLabel(IStringLocalizer localizer, string action) => action switch
    {
        "started" => localizer["Started"],
        "submitted" => localizer["Submitted for review"],
        "returned" => localizer["Returned for correction"],
        "approved" => localizer["Approved and locked"],
        "reopened" => localizer["Reopened"],
        "evidenceadded" => localizer["Evidence attached"],
        "evidenceremoved" => localizer["Evidence removed"],
        _ => action,
    };

    /// <summary>The channel a change came through; an API call made with a key says so.</summary>
    public static string ChannelLabel(IStringLocalizer localizer, string channel, bool viaApiKey) => channel switch
    {
        ValueSources.Form => localizer["Web form"],
        ValueSources.Upload => localizer["File upload"],
        ValueSources.Api => viaApiKey ? localizer["API key"] : localizer["API (signed in)"],
        ValueSources.Ingestion => localizer["Operational data ingestion"],
        ValueSources.Events => localizer["Events and training"],
        ValueSources.Review => localizer["Review"],
        ValueSources.Cli => localizer["Command line"],
        ValueSources.Demo => localizer["Demo data"],
        _ => channel,
    };

    /// <summary>A stored UTC instant as people in Vietnam read it, in the request's culture.</summary>
    public static string Time(DateTime utc) =>
        (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + VietnamOffset).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>A stored UTC instant for files: ISO 8601 in Vietnam time, with its offset.</summary>
    public static string IsoTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(VietnamOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A stored instant marked as UTC, so that JSON writes it with its "Z".</summary>
    public static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);

    /// <summary>A value for people: the request's culture, no trailing zeros, "—" when there is none.</summary>
    public static string Number(double? value) =>
        value is { } v ? v.ToString("#,##0.############", CultureInfo.CurrentCulture) : "—";
}
