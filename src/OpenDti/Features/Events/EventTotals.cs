using Microsoft.EntityFrameworkCore;
using OpenDti.Store;

namespace OpenDti.Features.Events;

/// <summary>The figures leaders quote: bridge points connected of expected, organisations, participants by category.</summary>
public sealed record ConferenceTotals(
    int ConferenceId,
    int BridgePoints,
    int BridgePointsReported,
    int Organisations,
    int OrganisationsReported,
    long ExpectedAttendance,
    long Officials,
    long PartyMembers,
    long Citizens,
    long Other,
    long Participants,
    DateTime? LastReportAtUtc);

/// <summary>
/// Reads an event's totals in one query (one consistent snapshot of the bridge points), so they are exactly
/// the sum of the reports accepted up to that moment on SQLite and PostgreSQL alike.
/// </summary>
public sealed class EventTotals(OpenDtiDbContext db)
{
    public async Task<ConferenceTotals?> GetAsync(int conferenceId, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == conferenceId, cancellationToken))
        {
            return null;
        }

        var points = await db.BridgePoints.AsNoTracking().Where(b => b.ConferenceId == conferenceId)
            .Select(b => new { b.OrganisationKey, b.ExpectedAttendance, b.ReportedAtUtc, b.Officials, b.PartyMembers, b.Citizens, b.Other })
            .ToListAsync(cancellationToken);
        var reported = points.Where(p => p.ReportedAtUtc is not null).ToList();
        var officials = reported.Sum(p => (long)p.Officials);
        var party = reported.Sum(p => (long)p.PartyMembers);
        var citizens = reported.Sum(p => (long)p.Citizens);
        var other = reported.Sum(p => (long)p.Other);
        return new ConferenceTotals(
            conferenceId,
            points.Count,
            reported.Count,
            points.Select(p => p.OrganisationKey).Distinct(StringComparer.Ordinal).Count(),
            reported.Select(p => p.OrganisationKey).Distinct(StringComparer.Ordinal).Count(),
            points.Sum(p => (long)p.ExpectedAttendance),
            officials,
            party,
            citizens,
            other,
            officials + party + citizens + other,
            reported.Max(p => p.ReportedAtUtc));
    }
}
