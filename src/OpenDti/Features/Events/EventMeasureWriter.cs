using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Events;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Store;

namespace OpenDti.Features.Events;

/// <summary>
/// Turns events and training into measure values of the host unit and year, through the one value path
/// (<see cref="ValueWriter"/>: checks, audit with the channel "events", submission locks). Each count is
/// recomputed from everything the module holds for that unit and year, so writing it twice changes nothing.
/// The values belong to the data set AWARENESS_PROVINCE, reported by provinces: an event hosted by another
/// kind of unit is kept, but its counts are not written (the result says why).
/// </summary>
public sealed class EventMeasureWriter(OpenDtiDbContext db, ValueWriter writer)
{
    /// <summary>The data set the counts belong to.</summary>
    public const string DataSet = "AWARENESS_PROVINCE";

    /// <summary>Writes the awareness events held (closed) and their participants for the unit and year.</summary>
    public async Task<ValueWriteResult> WriteAwarenessAsync(int unitId, int year, SignedIn actor, CancellationToken cancellationToken)
    {
        var (from, to) = YearInUtc(year);
        var points = await db.BridgePoints.AsNoTracking()
            .Where(b => db.Conferences.Any(c => c.Id == b.ConferenceId && c.HostUnitId == unitId && c.Status == ConferenceStatus.Reported && c.StartsAtUtc >= from && c.StartsAtUtc < to))
            .Select(b => b.Officials + b.PartyMembers + b.Citizens + b.Other)
            .ToListAsync(cancellationToken);
        var events = await db.Conferences.CountAsync(c => c.HostUnitId == unitId && c.Status == ConferenceStatus.Reported && c.StartsAtUtc >= from && c.StartsAtUtc < to, cancellationToken);
        var participants = points.Sum(p => (long)p);
        return await WriteAsync(unitId, year, [(EventMeasures.AwarenessEvents, events), (EventMeasures.AwarenessParticipants, participants)], actor, cancellationToken);
    }

    /// <summary>Writes the officials who completed the unit's training courses ending in the year.</summary>
    public async Task<ValueWriteResult> WriteTrainingAsync(int unitId, int year, SignedIn actor, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var trained = await db.Trainees.AsNoTracking()
            .CountAsync(t => t.CompletedOn != null && db.TrainingCourses.Any(c => c.Id == t.TrainingCourseId && c.HostUnitId == unitId && c.EndsOn >= first && c.EndsOn <= last), cancellationToken);
        return await WriteAsync(unitId, year, [(EventMeasures.OfficialsTrained, trained)], actor, cancellationToken);
    }

    private async Task<ValueWriteResult> WriteAsync(int unitId, int year, IReadOnlyList<(string Measure, long Value)> counts, SignedIn actor, CancellationToken cancellationToken)
    {
        var code = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Code).SingleAsync(cancellationToken);
        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inputs = counts.Select(c => new ValueInput(code.Value, c.Measure, period, c.Value, null, null, new ProblemPlace(Source: "events", Field: c.Measure))).ToList();
        return await writer.WriteAsync(inputs, actor, ValueSources.Events, DataSet, "Đếm từ sự kiện và đào tạo / counted from events and training", cancellationToken);
    }

    /// <summary>The year in Vietnam (UTC+7) as a UTC range [from, to).</summary>
    internal static (DateTime From, DateTime To) YearInUtc(int year) =>
        (new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc) - ConferenceInput.VietnamOffset,
         new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc) - ConferenceInput.VietnamOffset);
}
