using Microsoft.Extensions.Localization;
using OpenDti.Features.Submissions;
using OpenDti.Web;

namespace OpenDti.Features.Audit;

/// <summary>
/// The audit trail as one table for download, newest first: every value change and every submission step,
/// each with its kind; instants in ISO 8601, Vietnam time with its offset; headers in the request's language.
/// </summary>
internal static class AuditExport
{
    public static TableExport ToTable(IReadOnlyList<ValueChangeEntry> changes, IReadOnlyList<SubmissionEventEntry> events, IStringLocalizer localizer)
    {
        List<string> header =
        [
            localizer["When (Vietnam time)"], localizer["Kind"], localizer["Measure"], localizer["Period"], localizer["Data set"], localizer["Who"],
            localizer["Channel"], localizer["From address"], localizer["Old value"], localizer["New value"], localizer["Old comment"], localizer["New comment"],
            localizer["Reason or comment"],
        ];
        var rows = changes.Select(c => (c.AtUtc, Order: 1, Row: (IReadOnlyList<object?>)new object?[]
            {
                ReviewText.IsoTime(c.AtUtc), localizer["Value change"].Value, c.Measure, c.Period, null, c.By, ReviewText.ChannelLabel(localizer, c.Channel, c.ViaApiKey),
                c.Address, c.OldValue, c.NewValue, c.OldComment, c.NewComment, c.Reason,
            }))
            .Concat(events.Select(e => (e.AtUtc, Order: 0, Row: (IReadOnlyList<object?>)new object?[]
            {
                ReviewText.IsoTime(e.AtUtc), ReviewText.ActionLabel(localizer, e.Action), null, e.Period, e.DataSet, e.By, ReviewText.ChannelLabel(localizer, e.Channel, e.ViaApiKey),
                e.Address, null, null, null, null, e.Comment,
            })))
            .OrderByDescending(r => r.AtUtc)
            .ThenBy(r => r.Order)
            .Select(r => r.Row)
            .ToList();
        return new TableExport(header, rows);
    }

    /// <summary>audit-{unit}[-{measure}][-{period}].</summary>
    public static string FileName(AuditSubject subject) =>
        string.Join('-', new[] { "audit", subject.Unit.Code.Value, subject.Measure?.Code.Value, subject.Period?.ToString() }.Where(p => p is not null));
}
