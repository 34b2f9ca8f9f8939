using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Collection;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry;

/// <summary>How the data-entry pages word a submission's status and a deadline, in the request's language.</summary>
internal static class EntryText
{
    /// <summary>The status; null means nothing saved yet.</summary>
    public static string Status(IStringLocalizer localizer, SubmissionStatus? status) => status switch
    {
        null => localizer["entry.Not started"],
        SubmissionStatus.Draft => localizer["entry.Draft"],
        SubmissionStatus.Submitted => localizer["entry.Submitted, awaiting review"],
        SubmissionStatus.Returned => localizer["entry.Returned for correction"],
        _ => localizer["entry.Approved (locked)"],
    };

    /// <summary>The CSS class of a status (the text says it too; colour is never the only sign).</summary>
    public static string StatusClass(SubmissionStatus? status) => status switch
    {
        null => "status-none",
        SubmissionStatus.Draft => "status-draft",
        SubmissionStatus.Submitted => "status-submitted",
        SubmissionStatus.Returned => "status-returned",
        _ => "status-approved",
    };

    /// <summary>"16 days left", "due today", "late by 14 days".</summary>
    public static string DaysLeft(IStringLocalizer localizer, int days) => days switch
    {
        < 0 => localizer.Format("entry.Late by {0} day(s)", -days),
        0 => localizer["entry.Due today"],
        _ => localizer.Format("entry.{0} day(s) left", days),
    };

    /// <summary>A date for people, in the request's culture.</summary>
    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}
