using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Events;
using OpenDti.Store;

namespace OpenDti.Features.Events;

/// <summary>An event in a list or a calendar. Times are ISO 8601 with the Vietnam offset.</summary>
public sealed record ConferenceSummary(int Id, string Kind, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string HostUnit, string HostUnitName, string Format, string Status, int BridgePoints);

/// <summary>An agenda topic.</summary>
public sealed record AgendaRow(int Order, string Title, string? Speaker, string? SpeakerPosition, string? StartsAt, string? Materials);

/// <summary>A bridge point with what it reported (contact person only for organisers).</summary>
public sealed record BridgePointRow(
    int Id, int Number, string Organisation, string? Place, string? ContactPerson, int ExpectedAttendance,
    bool HasReported, int Officials, int PartyMembers, int Citizens, int Other, int Total, string? Note, DateTimeOffset? ReportedAt, bool HasActiveLink);

/// <summary>
/// An event with its agenda, bridge points and totals. <see cref="Version"/> is what a change sends back
/// (<c>version</c> of <c>PUT /api/v1/events/{id}</c>) to be refused rather than overwrite a change made meanwhile.
/// </summary>
public sealed record ConferenceDetail(
    ConferenceSummary Summary, string? Description, string? Organisers, string? Partners, string? VideoLink, string? Audience,
    IReadOnlyList<AgendaRow> Agenda, IReadOnlyList<BridgePointRow> BridgePoints, ConferenceTotals Totals, bool MayOrganise, Guid Version);

/// <summary>Reads events for pages, the API, the calendar and the iCalendar feed.</summary>
public sealed class EventQueries(OpenDtiDbContext db, EventTotals totals, EventAccess access)
{
    public async Task<IReadOnlyList<ConferenceSummary>> ListAsync(DateTime? fromUtc, DateTime? toUtc, CancellationToken cancellationToken)
    {
        var query = db.Conferences.AsNoTracking();
        if (fromUtc is { } from)
        {
            query = query.Where(c => c.EndsAtUtc >= from);
        }

        if (toUtc is { } to)
        {
            query = query.Where(c => c.StartsAtUtc < to);
        }

        var rows = await query.OrderBy(c => c.StartsAtUtc).ThenBy(c => c.Id).Take(5_000)
            .Join(db.Units, c => c.HostUnitId, u => u.Id, (c, u) => new
            {
                Conference = c,
                u.Code,
                u.Name,
                Points = db.BridgePoints.Count(b => b.ConferenceId == c.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => Summary(r.Conference, r.Code.Value, r.Name, r.Points))];
    }

    /// <summary>The latest events hosted by the unit or a unit directly under it, newest first (the unit page's list).</summary>
    public async Task<IReadOnlyList<ConferenceSummary>> RecentAroundAsync(int unitId, int count, CancellationToken cancellationToken)
    {
        var rows = await db.Conferences.AsNoTracking()
            .Join(db.Units, c => c.HostUnitId, u => u.Id, (c, u) => new { Conference = c, u.Code, u.Name, UnitId = u.Id, u.ParentId })
            .Where(x => x.UnitId == unitId || x.ParentId == unitId)
            .OrderByDescending(x => x.Conference.StartsAtUtc).ThenByDescending(x => x.Conference.Id)
            .Take(count)
            .Select(x => new { x.Conference, x.Code, x.Name, Points = db.BridgePoints.Count(b => b.ConferenceId == x.Conference.Id) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => Summary(r.Conference, r.Code.Value, r.Name, r.Points))];
    }

    public async Task<ConferenceDetail?> GetAsync(int id, Accounts.SignedIn? actor, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().Include(c => c.Agenda).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == conference.HostUnitId).Select(u => new { u.Code, u.Name }).SingleAsync(cancellationToken);
        var mayOrganise = await access.MayOrganiseAsync(actor, conference.HostUnitId, cancellationToken);
        var points = await db.BridgePoints.AsNoTracking().Where(b => b.ConferenceId == id).OrderBy(b => b.Number)
            .Select(b => new { Point = b, HasLink = db.CheckInLinks.Any(l => l.BridgePointId == b.Id && l.RevokedAtUtc == null) })
            .ToListAsync(cancellationToken);
        var sum = await totals.GetAsync(id, cancellationToken);
        return new ConferenceDetail(
            Summary(conference, unit.Code.Value, unit.Name, points.Count),
            conference.Description,
            conference.Organisers,
            conference.Partners,
            conference.VideoLink,
            conference.Audience,
            [.. conference.Agenda.OrderBy(a => a.Order).Select(a => new AgendaRow(a.Order, a.Title, a.Speaker, a.SpeakerPosition, a.StartsAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), a.Materials))],
            [.. points.Select(p => Row(p.Point, p.HasLink, mayOrganise))],
            sum!,
            mayOrganise,
            conference.ConcurrencyToken);
    }

    public static DateTimeOffset Local(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ConferenceInput.VietnamOffset);

    public static string KindName(ConferenceKind kind) => kind.ToString().ToLowerInvariant();

    public static string FormatName(ConferenceFormat format) => format switch
    {
        ConferenceFormat.InPerson => "in-person",
        _ => format.ToString().ToLowerInvariant(),
    };

    public static string StatusName(ConferenceStatus status) => status.ToString().ToLowerInvariant();

    private static ConferenceSummary Summary(Conference c, string unitCode, string unitName, int points) =>
        new(c.Id, KindName(c.Kind), c.Title, Local(c.StartsAtUtc), Local(c.EndsAtUtc), unitCode, unitName, FormatName(c.Format), StatusName(c.Status), points);

    private static BridgePointRow Row(BridgePoint b, bool hasLink, bool mayOrganise) =>
        new(b.Id, b.Number, b.Organisation, b.Place, mayOrganise ? b.ContactPerson : null, b.ExpectedAttendance,
            b.ReportedAtUtc is not null, b.Officials, b.PartyMembers, b.Citizens, b.Other, b.Officials + b.PartyMembers + b.Citizens + b.Other,
            b.ReportNote, b.ReportedAtUtc is { } at ? Local(at) : null, hasLink);
}
