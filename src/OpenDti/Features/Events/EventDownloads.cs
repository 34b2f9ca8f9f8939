using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// Files of events: the attendance of every bridge point (<c>/events/{id}/attendance.csv|xlsx</c>, through
/// <see cref="TableExport"/>, so text that looks like a formula is neutralised) and the iCalendar feed
/// (<c>/events.ics</c>, <c>/events/{id}.ics</c>).
/// </summary>
internal static class EventDownloads
{
    public static IEndpointRouteBuilder MapEventDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/{id:int}/attendance." + TableExport.FormatSegment, AttendanceAsync).ExcludeFromDescription();
        app.MapGet("/events.ics", FeedAsync).ExcludeFromDescription();
        app.MapGet("/events/{id:int}.ics", OneAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> AttendanceAsync(
        int id, string format, EventQueries queries, Accounts.CurrentActor current, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var detail = await queries.GetAsync(id, await current.GetAsync(cancellationToken), cancellationToken);
        if (detail is null)
        {
            return TypedResults.NotFound();
        }

        string[] header = [l["No."], l["Organisation"], l["Place"], l["Expected attendance"], l["Reported"], l["Officials"], l["Party members"], l["Citizens"], l["Other"], l["Total"], l["Note"], l["Reported at (Vietnam time)"]];
        var rows = detail.BridgePoints.Select(b => (IReadOnlyList<object?>)
        [
            b.Number, b.Organisation, b.Place, b.ExpectedAttendance, b.HasReported ? l["Yes"].Value : l["No"].Value,
            b.HasReported ? b.Officials : null, b.HasReported ? b.PartyMembers : null, b.HasReported ? b.Citizens : null, b.HasReported ? b.Other : null,
            b.HasReported ? b.Total : null, b.Note, b.ReportedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ]).ToList();
        return new TableExport(header, rows).ToFile(format, string.Create(CultureInfo.InvariantCulture, $"event-{id}-attendance"), l["Attendance"]);
    }

    public static async Task<FileContentHttpResult> FeedAsync(EventQueries queries, HttpContext context, CancellationToken cancellationToken) =>
        Calendar(await queries.ListAsync(null, null, cancellationToken), context.Request, "events");

    public static async Task<Results<FileContentHttpResult, NotFound>> OneAsync(int id, EventQueries queries, HttpContext context, CancellationToken cancellationToken)
    {
        var detail = await queries.GetAsync(id, null, cancellationToken);
        return detail is null ? TypedResults.NotFound() : Calendar([detail.Summary], context.Request, string.Create(CultureInfo.InvariantCulture, $"event-{id}"), detail);
    }

    private static FileContentHttpResult Calendar(IReadOnlyList<ConferenceSummary> events, HttpRequest request, string name, ConferenceDetail? detail = null)
    {
        var text = ICalendar.Write(events, $"{request.Scheme}://{request.Host}{request.PathBase}", request.Host.Host, detail);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", name + ".ics");
    }
}
