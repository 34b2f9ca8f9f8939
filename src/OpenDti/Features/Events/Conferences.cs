using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Events;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Features.DataEntry.Templates;
using OpenDti.Store;
using OpenDti.Store.Model;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>
/// What organisers do with an event: create it, add bridge points one by one or import them (all or nothing),
/// issue and revoke check-in links, and move it planned → held → reported. Closing it (reported) makes the
/// attendance final and writes the host unit's awareness counts through <see cref="EventMeasureWriter"/>.
/// Every operation checks <see cref="EventAccess"/> first.
/// </summary>
public sealed class Conferences(OpenDtiDbContext db, EventAccess access, EventMeasureWriter measures, IOptions<UploadLimits> limits, TimeProvider time)
{
    /// <summary>The most bridge points one event may have.</summary>
    public const int MaxBridgePoints = 5_000;

    internal static readonly TabularFile.Column[] BridgePointColumns =
    [
        new("organisation", true, "Đơn vị", "Đơn vị, tổ chức", "Tổ chức", "Organisation", "Organization", "Unit"),
        new("place", false, "Địa điểm", "Place", "Location"),
        new("contact", false, "Người liên hệ", "Liên hệ", "Contact person", "Contact"),
        new("expected", false, "Số người dự kiến", "Dự kiến", "Expected attendance", "Expected"),
    ];

    public async Task<EventResult<int>> CreateAsync(ConferenceInput input, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (conference, unit, refusal) = await CheckAsync(input, actor, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        conference!.HostUnitId = unit!.Id;
        conference.Status = ConferenceStatus.Planned;
        conference.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        conference.CreatedByUserId = actor.User.Id;
        conference.ConcurrencyToken = Guid.NewGuid();
        db.Conferences.Add(conference);
        await db.SaveChangesAsync(cancellationToken);
        return EventResult.Done<int>(conference.Id);
    }

    /// <summary>
    /// An event as the input describes it and its host unit — or the refusal: every problem of the input and an
    /// unknown host unit together, else the actor's lack of right to organise for the host unit.
    /// </summary>
    private async Task<(Conference? Conference, ReportingUnit? Unit, EventResult<int>? Refusal)> CheckAsync(
        ConferenceInput input, SignedIn actor, CancellationToken cancellationToken)
    {
        var (conference, problems) = input.Check();
        var unit = await access.FindUnitAsync(input.HostUnit, time.Today(), cancellationToken);
        if (unit is null)
        {
            problems = [.. problems, new InputProblem("unit.unknown", new ProblemPlace(Field: "hostUnit"), "mã một đơn vị đang hoạt động / the code of a unit in force", input.HostUnit)];
        }

        if (problems.Count > 0)
        {
            return (null, null, EventResult.Invalid<int>(problems));
        }

        return await access.MayOrganiseAsync(actor, unit!.Id, cancellationToken)
            ? (conference, unit, null)
            : (null, null, EventResult.Refused<int>(EventRefusal.Forbidden, Forbidden(unit.Name)));
    }

    /// <summary>
    /// Replaces an event's details and agenda. The actor must organise for the current host unit and, when it
    /// changes, for the new one too; a closed event cannot be changed (its counts are in the index).
    /// </summary>
    public async Task<EventResult<int>> UpdateAsync(int conferenceId, ConferenceInput input, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await CheckManageableAsync(conferenceId, actor, cancellationToken, mustBeOpen: true) is { } refusal)
        {
            return refusal;
        }

        var (checkedInput, unit, invalid) = await CheckAsync(input, actor, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var conference = await db.Conferences.Include(c => c.Agenda).SingleAsync(c => c.Id == conferenceId, cancellationToken);
        if (input.Version is { } seen && seen != conference.ConcurrencyToken)
        {
            return ChangedMeanwhile(seen);
        }

        conference.Kind = checkedInput!.Kind;
        conference.Title = checkedInput.Title;
        conference.Description = checkedInput.Description;
        conference.StartsAtUtc = checkedInput.StartsAtUtc;
        conference.EndsAtUtc = checkedInput.EndsAtUtc;
        conference.HostUnitId = unit!.Id;
        conference.Organisers = checkedInput.Organisers;
        conference.Partners = checkedInput.Partners;
        conference.Format = checkedInput.Format;
        conference.VideoLink = checkedInput.VideoLink;
        conference.Audience = checkedInput.Audience;
        conference.Agenda.Clear();
        conference.Agenda.AddRange(checkedInput.Agenda);
        conference.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the token in the UPDATE's WHERE no longer matched.
            return ChangedMeanwhile(input.Version ?? Guid.Empty);
        }

        return EventResult.Done(conference.Id);
    }

    public async Task<EventResult<int>> AddBridgePointAsync(int conferenceId, BridgePointInput input, SignedIn actor, CancellationToken cancellationToken)
    {
        var result = await AddBridgePointsAsync(conferenceId, [(input, new ProblemPlace())], actor, cancellationToken);
        return result.Succeeded ? EventResult.Done<int>(result.Value![0]) : result.As<int>();
    }

    /// <summary>Reads a CSV or XLSX file of bridge points and adds them all, or none when any row has a problem.</summary>
    public async Task<EventResult<IReadOnlyList<int>>> ImportBridgePointsAsync(int conferenceId, string fileName, byte[] bytes, SignedIn actor, CancellationToken cancellationToken)
    {
        var refusal = await CheckManageableAsync(conferenceId, actor, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<IReadOnlyList<int>>();
        }

        var (records, problems) = TabularFile.Read(fileName, bytes, BridgePointColumns, limits.Value);
        if (problems.Count > 0)
        {
            return EventResult.Invalid<IReadOnlyList<int>>(problems);
        }

        var rows = records.Select(r => (
            new BridgePointInput(Cell(r, "organisation"), Cell(r, "place"), Cell(r, "contact"), Cell(r, "expected")),
            new ProblemPlace(Source: fileName, Sheet: r.Sheet, Row: r.Row))).ToList();
        return await AddBridgePointsAsync(conferenceId, rows, actor, cancellationToken, records);
    }

    /// <summary>
    /// Issues a new check-in link for each bridge point (or the one given), revoking the earlier ones: the
    /// tokens are returned once, for the QR sheet; the store keeps their SHA-256 only.
    /// </summary>
    public async Task<EventResult<IReadOnlyList<IssuedLink>>> IssueLinksAsync(int conferenceId, int? bridgePointId, SignedIn actor, CancellationToken cancellationToken)
    {
        var refusal = await CheckManageableAsync(conferenceId, actor, cancellationToken, mustBeOpen: true);
        if (refusal is not null)
        {
            return refusal.As<IReadOnlyList<IssuedLink>>();
        }

        var points = await db.BridgePoints.AsNoTracking()
            .Where(b => b.ConferenceId == conferenceId && (bridgePointId == null || b.Id == bridgePointId))
            .OrderBy(b => b.Number).ToListAsync(cancellationToken);
        if (bridgePointId is not null && points.Count == 0)
        {
            return EventResult.Refused<IReadOnlyList<IssuedLink>>(EventRefusal.NotFound, new InputProblem("bridge-point.unknown", new ProblemPlace(Field: "bridgePoint"), "một điểm cầu của sự kiện / a bridge point of the event", bridgePointId.Value.ToString(CultureInfo.InvariantCulture)));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var ids = points.Select(p => p.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CheckInLinks.Where(l => ids.Contains(l.BridgePointId) && l.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAtUtc, now), cancellationToken);
        var issued = new List<IssuedLink>(points.Count);
        foreach (var point in points)
        {
            var token = NewToken();
            db.CheckInLinks.Add(new CheckInLink { BridgePointId = point.Id, TokenHash = CheckIn.Hash(token), IssuedAtUtc = now });
            issued.Add(new IssuedLink(point.Id, point.Number, point.Organisation, point.Place, token));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EventResult.Done<IReadOnlyList<IssuedLink>>(issued);
    }

    /// <summary>Revokes a bridge point's links: its QR code stops working at once.</summary>
    public async Task<EventResult<int>> RevokeLinksAsync(int conferenceId, int bridgePointId, SignedIn actor, CancellationToken cancellationToken)
    {
        var refusal = await CheckManageableAsync(conferenceId, actor, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<int>();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var revoked = await db.CheckInLinks
            .Where(l => l.BridgePointId == bridgePointId && l.RevokedAtUtc == null && db.BridgePoints.Any(b => b.Id == bridgePointId && b.ConferenceId == conferenceId))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAtUtc, now), cancellationToken);
        return EventResult.Done<int>(revoked);
    }

    /// <summary>
    /// Moves the event to <paramref name="status"/>. Reported closes it: links refuse from then on, and the
    /// host unit's awareness counts for the event's year are written to the index (the problems of that write,
    /// if any, come back with the result; the event stays closed).
    /// </summary>
    public async Task<EventResult<ValueWriteResult?>> SetStatusAsync(int conferenceId, ConferenceStatus status, SignedIn actor, CancellationToken cancellationToken)
    {
        var refusal = await CheckManageableAsync(conferenceId, actor, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<ValueWriteResult?>();
        }

        var conference = await db.Conferences.SingleAsync(c => c.Id == conferenceId, cancellationToken);
        if (conference.Status == ConferenceStatus.Reported && status != ConferenceStatus.Reported)
        {
            return EventResult.Refused<ValueWriteResult?>(EventRefusal.Conflict, new InputProblem("event.closed", new ProblemPlace(Field: "status"), "một sự kiện chưa chốt / an event not closed yet", "reported"));
        }

        conference.Status = status;
        conference.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile(Guid.Empty).As<ValueWriteResult?>();
        }
        if (status != ConferenceStatus.Reported)
        {
            return EventResult.Done<ValueWriteResult?>(null);
        }

        var year = conference.StartsAtUtc.Add(ConferenceInput.VietnamOffset).Year;
        return EventResult.Done<ValueWriteResult?>(await measures.WriteAwarenessAsync(conference.HostUnitId, year, actor, cancellationToken));
    }

    private async Task<EventResult<IReadOnlyList<int>>> AddBridgePointsAsync(
        int conferenceId, List<(BridgePointInput Input, ProblemPlace Place)> rows, SignedIn actor, CancellationToken cancellationToken, IReadOnlyList<TabularFile.Record>? records = null)
    {
        var refusal = await CheckManageableAsync(conferenceId, actor, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<IReadOnlyList<int>>();
        }

        var problems = new List<InputProblem>();
        var points = new List<BridgePoint>();
        foreach (var ((input, place), index) in rows.Select((r, i) => (r, i)))
        {
            string Column(string key, string field) => records?[index].Cells.GetValueOrDefault(key).Column ?? field;
            var local = new List<InputProblem>();
            var organisation = ConferenceInput.Text(input.Organisation, "organisation", EventLimits.Name, required: true, local);
            var where = ConferenceInput.Text(input.Place, "place", EventLimits.Name, required: false, local);
            var contact = ConferenceInput.Text(input.ContactPerson, "contactPerson", EventLimits.Name, required: false, local);
            var expected = 0;
            if (!string.IsNullOrWhiteSpace(input.ExpectedAttendance)
                && !(int.TryParse(input.ExpectedAttendance.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out expected) && expected <= Attendance.MaxPerCategory))
            {
                local.Add(new InputProblem("field.whole-number", new ProblemPlace(Field: "expectedAttendance"), $"một số nguyên từ 0 đến / a whole number from 0 to {Attendance.MaxPerCategory}", input.ExpectedAttendance));
            }

            var columnOf = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["organisation"] = Column("organisation", "organisation"),
                ["place"] = Column("place", "place"),
                ["contactPerson"] = Column("contact", "contactPerson"),
                ["expectedAttendance"] = Column("expected", "expectedAttendance"),
            };
            problems.AddRange(local.Select(p => p with
            {
                Place = place.Row is null ? p.Place : place with { Column = columnOf.GetValueOrDefault(p.Place.Field ?? string.Empty), Field = p.Place.Field },
            }));
            if (local.Count == 0)
            {
                points.Add(new BridgePoint
                {
                    ConferenceId = conferenceId,
                    Organisation = organisation!,
                    OrganisationKey = BridgePoint.KeyOf(organisation!),
                    Place = where,
                    ContactPerson = contact,
                    ExpectedAttendance = expected,
                });
            }
        }

        if (rows.Count == 0)
        {
            problems.Add(new InputProblem("file.no-rows", rows.Count == 0 ? new ProblemPlace() : rows[0].Place, "ít nhất một điểm cầu / at least one bridge point", "không có / none"));
        }

        if (problems.Count > 0)
        {
            return EventResult.Invalid<IReadOnlyList<int>>(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.BridgePoints.Where(b => b.ConferenceId == conferenceId).Select(b => (int?)b.Number).MaxAsync(cancellationToken) ?? 0;
        if (existing + points.Count > MaxBridgePoints)
        {
            return EventResult.Invalid<IReadOnlyList<int>>([new InputProblem("event.too-many-points", new ProblemPlace(), $"tối đa / at most {MaxBridgePoints} điểm cầu / bridge points", $"{existing + points.Count}")]);
        }

        foreach (var (point, index) in points.Select((p, i) => (p, i)))
        {
            point.Number = existing + index + 1;
        }

        db.BridgePoints.AddRange(points);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EventResult.Done<IReadOnlyList<int>>([.. points.Select(p => p.Id)]);
    }

    private async Task<EventResult<int>?> CheckManageableAsync(int conferenceId, SignedIn actor, CancellationToken cancellationToken, bool mustBeOpen = false)
    {
        var conference = await db.Conferences.AsNoTracking().Where(c => c.Id == conferenceId)
            .Select(c => new { c.HostUnitId, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (conference is null)
        {
            return EventResult.Refused<int>(EventRefusal.NotFound, new InputProblem("event.unknown", new ProblemPlace(Field: "id"), "một sự kiện / an event", conferenceId.ToString(CultureInfo.InvariantCulture)));
        }

        if (!await access.MayOrganiseAsync(actor, conference.HostUnitId, cancellationToken))
        {
            var name = await db.Units.AsNoTracking().Where(u => u.Id == conference.HostUnitId).Select(u => u.Name).SingleAsync(cancellationToken);
            return EventResult.Refused<int>(EventRefusal.Forbidden, Forbidden(name));
        }

        if (mustBeOpen && conference.Status == ConferenceStatus.Reported)
        {
            return EventResult.Refused<int>(EventRefusal.Conflict, new InputProblem("event.closed", new ProblemPlace(Field: "status"), "một sự kiện chưa chốt / an event not closed yet", "reported"));
        }

        return null;
    }

    private static EventResult<int> ChangedMeanwhile(Guid seen) =>
        EventResult.Refused<int>(EventRefusal.Conflict, new InputProblem(
            "event.changed", new ProblemPlace(Field: "version"),
            "phiên bản đang lưu: người khác đã sửa sự kiện sau khi bạn mở nó; chưa lưu gì, hãy mở lại sự kiện / the stored version: someone changed the event after you opened it; nothing was saved, open it again",
            seen.ToString("D", CultureInfo.InvariantCulture)));

    private static InputProblem Forbidden(string unitName) =>
        new("event.forbidden", new ProblemPlace(Field: "hostUnit"), "quyền quản trị đơn vị chủ trì (province-admin, national-admin) / an administrator of the host unit", unitName);

    private static string? Cell(TabularFile.Record record, string key) => record.Cells.TryGetValue(key, out var cell) ? cell.Text : null;

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A link just issued: the token is shown now and never again.</summary>
public sealed record IssuedLink(int BridgePointId, int Number, string Organisation, string? Place, string Token);
