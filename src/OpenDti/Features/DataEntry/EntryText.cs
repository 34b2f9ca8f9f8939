using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenDti.Domain.Collection;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry;

/// <summary>How the data-entry pages word statuses, deadlines, checks and refusals, in the request's language.</summary>
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

    /// <summary>An instant in Vietnam time (UTC+7), as people read it: "10:32 15/03/2026".</summary>
    public static string VietnamTime(DateTime utc) =>
        utc.AddHours(7).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + DateOnly.FromDateTime(utc.AddHours(7)).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Why a typed number could not be read, with the way to write it.</summary>
    public static string NumberMessage(IStringLocalizer localizer, string text, NumberProblem problem)
    {
        var culture = CultureInfo.CurrentCulture;
        var decimalSeparator = culture.NumberFormat.NumberDecimalSeparator;
        var other = decimalSeparator == "," ? "." : ",";
        var trimmed = text.Trim();
        return problem switch
        {
            NumberProblem.Ambiguous => localizer.Format(
                "entry.'{0}' can be read two ways: write {1} for the whole number or {2} for the decimal number.",
                trimmed, trimmed.Replace(other, string.Empty, StringComparison.Ordinal), trimmed.Replace(other, decimalSeparator, StringComparison.Ordinal)),
            NumberProblem.BadGrouping => localizer.Format("entry.'{0}': thousands are grouped by three digits, as in {1}.", trimmed, NumberInput.ForDisplay(1234567.5, culture)),
            _ => localizer.Format("entry.'{0}' is not a number. Write digits, with '{1}' before decimals, as in {2}.", trimmed, decimalSeparator, NumberInput.ForInput(1234.5, culture)),
        };
    }

    /// <summary>The checks of a field in words ("whole number, at least 0"); empty when there are none.</summary>
    public static string Bounds(IStringLocalizer localizer, DataSetMeasure setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var culture = CultureInfo.CurrentCulture;
        var parts = new List<string>();
        if (setting.WholeNumber)
        {
            parts.Add(localizer["entry.whole number"]);
        }

        parts.Add((setting.Minimum, setting.Maximum) switch
        {
            ({ } low, { } high) => localizer.Format("entry.from {0} to {1}", NumberInput.ForDisplay(low, culture), NumberInput.ForDisplay(high, culture)),
            ({ } low, null) => localizer.Format("entry.at least {0}", NumberInput.ForDisplay(low, culture)),
            (null, { } high) => localizer.Format("entry.at most {0}", NumberInput.ForDisplay(high, culture)),
            _ => string.Empty,
        });
        return string.Join(", ", parts.Where(p => p.Length > 0));
    }

    /// <summary>Why an evidence operation on <paramref name="unitName"/>'s form was refused.</summary>
    public static string EvidenceMessage(IStringLocalizer localizer, EvidenceOutcome outcome, string? fileName, string unitName) => outcome.Refusal switch
    {
        EvidenceRefusal.Forbidden => localizer.Format("entry.You may not attach or remove evidence for {0}.", unitName),
        EvidenceRefusal.Locked => localizer["entry.The submission is sent for review or approved: its evidence can no longer be changed."],
        EvidenceRefusal.TooLarge => localizer.Format("entry.The file '{0}' is larger than {1} MB; attach a smaller file.", fileName ?? string.Empty, EvidenceFiles.MaxBytes / (1024 * 1024)),
        EvidenceRefusal.TooMany => localizer.Format("entry.A submission has at most {0} evidence files; remove one first.", EvidenceFiles.MaxFiles),
        EvidenceRefusal.Unsupported => localizer.Format(
            "entry.The file '{0}' was not attached: its content is {1} (first bytes {2}). Accepted: {3}.",
            fileName ?? string.Empty, localizer[outcome.Sniffed!.FoundKey!], outcome.Sniffed.FirstBytes!, EvidenceTypes.Allowed),
        EvidenceRefusal.UnknownMeasure => localizer["entry.Choose a measure of this form, or the whole submission."],
        EvidenceRefusal.StorageFull => localizer.Format("entry.The file '{0}' was not attached: the server's storage is full. Nothing was saved and the files attached before are intact; tell your administrator, then attach it again.", fileName ?? string.Empty),
        _ => localizer["entry.Someone else changed this submission at the same moment; try again."],
    };
}
