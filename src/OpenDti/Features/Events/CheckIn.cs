using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Events;
using OpenDti.Domain.Problems;
using OpenDti.Store;
using OpenDti.Store.Model;

namespace OpenDti.Features.Events;

/// <summary>What a check-in link leads to.</summary>
public enum CheckInState
{
    /// <summary>The link works: the point may report.</summary>
    Open,

    /// <summary>No link has this token (mistyped, made up, or of another system).</summary>
    Unknown,

    /// <summary>The link was revoked or replaced by a newer one.</summary>
    Revoked,

    /// <summary>The event is closed: attendance is final.</summary>
    Closed,
}

/// <summary>A check-in link looked up: its state and, when known, the point and event it belongs to.</summary>
public sealed record CheckInView(CheckInState State, int? ConferenceId, string? ConferenceTitle, int? Number, string? Organisation, string? Place, Attendance? Reported, string? Note);

/// <summary>The outcome of a report: accepted, or refused for the link's state or for bad input.</summary>
public sealed record CheckInOutcome(CheckInState State, bool Accepted, IReadOnlyList<InputProblem> Problems);

/// <summary>
/// The one thing a check-in link can do: report its bridge point's attendance (by category) and a note, until
/// the event is closed. No account: the link's token is the credential, compared by its SHA-256. A report
/// replaces the point's earlier one (corrections are expected), and every report is kept in
/// attendance_reports. The point is updated by one conditional UPDATE inside a transaction with the history
/// row, so totals read by one query are exactly the sum of the accepted reports, however many points report
/// at once, and a report racing the event's closing or the link's revocation is refused, not half-kept.
/// </summary>
public sealed class CheckIn(OpenDtiDbContext db, TimeProvider time)
{
    /// <summary>The SHA-256 of a token, lower-case hex: what the store keeps.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<CheckInView> FindAsync(string? token, CancellationToken cancellationToken)
    {
        var link = await LookupAsync(token, cancellationToken);
        if (link is null)
        {
            return new CheckInView(CheckInState.Unknown, null, null, null, null, null, null, null);
        }

        return new CheckInView(link.State, link.ConferenceId, link.Title, link.Point.Number, link.Point.Organisation, link.Point.Place, link.Point.Reported, link.Point.ReportNote);
    }

    public async Task<CheckInOutcome> ReportAsync(string? token, Attendance attendance, string? note, string? remoteAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        var link = await LookupAsync(token, cancellationToken);
        if (link is null || link.State != CheckInState.Open)
        {
            return new CheckInOutcome(link?.State ?? CheckInState.Unknown, false, []);
        }

        var problems = new List<InputProblem>();
        foreach (var (field, count) in new[] { ("officials", attendance.Officials), ("partyMembers", attendance.PartyMembers), ("citizens", attendance.Citizens), ("other", attendance.Other) })
        {
            if (count is < 0 or > Attendance.MaxPerCategory)
            {
                problems.Add(new InputProblem("attendance.out-of-range", new ProblemPlace(Field: field), $"một số nguyên từ 0 đến / a whole number from 0 to {Attendance.MaxPerCategory}", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        var text = ConferenceInput.Text(note, "note", EventLimits.Text, required: false, problems);
        if (problems.Count > 0)
        {
            return new CheckInOutcome(CheckInState.Open, false, problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var pointId = link.Point.Id;
        var linkId = link.LinkId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.BridgePoints
            .Where(b => b.Id == pointId
                && db.Conferences.Any(c => c.Id == b.ConferenceId && c.Status != ConferenceStatus.Reported)
                && db.CheckInLinks.Any(l => l.Id == linkId && l.RevokedAtUtc == null))
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.Officials, attendance.Officials)
                    .SetProperty(b => b.PartyMembers, attendance.PartyMembers)
                    .SetProperty(b => b.Citizens, attendance.Citizens)
                    .SetProperty(b => b.Other, attendance.Other)
                    .SetProperty(b => b.ReportNote, text)
                    .SetProperty(b => b.ReportedAtUtc, now)
                    .SetProperty(b => b.ReportCount, b => b.ReportCount + 1),
                cancellationToken);
        if (updated == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var again = await LookupAsync(token, cancellationToken);
            return new CheckInOutcome(again?.State ?? CheckInState.Unknown, false, []);
        }

        db.AttendanceReports.Add(new AttendanceReport { BridgePointId = pointId, CheckInLinkId = linkId, Attendance = attendance, Note = text, AtUtc = now, RemoteAddress = remoteAddress });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CheckInOutcome(CheckInState.Open, true, []);
    }

    private sealed record Found(int LinkId, CheckInState State, int ConferenceId, string Title, BridgePoint Point);

    private async Task<Found?> LookupAsync(string? token, CancellationToken cancellationToken)
    {
        // A token is 32 random bytes in base64url (43 characters); anything else is not one of ours.
        if (token is not { Length: 43 } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var hash = Hash(token);
        var found = await (
            from l in db.CheckInLinks.AsNoTracking()
            join b in db.BridgePoints.AsNoTracking() on l.BridgePointId equals b.Id
            join c in db.Conferences.AsNoTracking() on b.ConferenceId equals c.Id
            where l.TokenHash == hash
            select new { l.Id, l.RevokedAtUtc, c.Status, ConferenceId = c.Id, c.Title, Point = b }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var state = found.RevokedAtUtc is not null ? CheckInState.Revoked
            : found.Status == ConferenceStatus.Reported ? CheckInState.Closed
            : CheckInState.Open;
        return new Found(found.Id, state, found.ConferenceId, found.Title, found.Point);
    }
}
