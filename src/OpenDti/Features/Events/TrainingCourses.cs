using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Events;
using OpenDti.Domain.Problems;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Features.DataEntry.Templates;
using OpenDti.Store;
using OpenDti.Store.Model;
using OpenDti.Web;

namespace OpenDti.Features.Events;

/// <summary>A training course as sent: dates yyyy-MM-dd, sessions with a day, topic and lecturer.</summary>
public sealed record TrainingCourseInput(string? Title, string? Description, string? HostUnit, string? StartsOn, string? EndsOn, IReadOnlyList<TrainingSessionInput>? Sessions);

/// <summary>A session as sent.</summary>
public sealed record TrainingSessionInput(string? On, string? Topic, string? Lecturer);

/// <summary>A course in a list.</summary>
public sealed record TrainingCourseSummary(int Id, string Title, string HostUnit, string HostUnitName, DateOnly StartsOn, DateOnly EndsOn, int Enrolled, int Completed);

/// <summary>A trainee row.</summary>
public sealed record TraineeRow(int Id, string FullName, string Unit, string? Position, DateOnly? CompletedOn, string? CertificateNumber);

/// <summary>A course with its sessions and trainees.</summary>
public sealed record TrainingCourseDetail(TrainingCourseSummary Summary, string? Description, IReadOnlyList<TrainingSessionInput> Sessions, IReadOnlyList<TraineeRow> Trainees, bool MayOrganise);

/// <summary>
/// Training courses: create one with its sessions, import the enrolled officials (all or nothing), record who
/// completed it — which gives each a certificate number and writes the host unit's OFFICIALS_TRAINED for the
/// year the course ends (<see cref="EventMeasureWriter"/>).
/// </summary>
public sealed class TrainingCourses(OpenDtiDbContext db, EventAccess access, EventMeasureWriter measures, IOptions<UploadLimits> limits, TimeProvider time)
{
    internal static readonly TabularFile.Column[] TraineeColumns =
    [
        new("name", true, "Họ và tên", "Họ tên", "Full name", "Name"),
        new("unit", true, "Đơn vị", "Cơ quan, đơn vị", "Cơ quan", "Unit", "Organisation"),
        new("position", false, "Chức vụ", "Position"),
    ];

    public async Task<EventResult<int>> CreateAsync(TrainingCourseInput input, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<InputProblem>();
        var title = ConferenceInput.Text(input.Title, "title", EventLimits.Title, required: true, problems);
        var description = ConferenceInput.Text(input.Description, "description", EventLimits.Text, required: false, problems);
        var starts = Day(input.StartsOn, "startsOn", problems);
        var ends = Day(input.EndsOn, "endsOn", problems);
        if (starts is { } s && ends is { } e && e < s)
        {
            problems.Add(new InputProblem("course.ends-before-start", new ProblemPlace(Field: "endsOn"), "ngày kết thúc không trước ngày bắt đầu / an end not before the start", input.EndsOn));
        }

        var sessions = new List<TrainingSession>();
        foreach (var (session, index) in (input.Sessions ?? []).Select((x, i) => (x, i)))
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"sessions[{index}].");
            var on = Day(session.On, prefix + "on", problems);
            var topic = ConferenceInput.Text(session.Topic, prefix + "topic", EventLimits.Title, required: true, problems);
            var lecturer = ConferenceInput.Text(session.Lecturer, prefix + "lecturer", EventLimits.Name, required: false, problems);
            sessions.Add(new TrainingSession { On = on ?? default, Topic = topic ?? string.Empty, Lecturer = lecturer });
        }

        var unit = await access.FindUnitAsync(input.HostUnit, time.Today(), cancellationToken);
        if (unit is null)
        {
            problems.Add(new InputProblem("unit.unknown", new ProblemPlace(Field: "hostUnit"), "mã một đơn vị đang hoạt động / the code of a unit in force", input.HostUnit));
        }

        if (problems.Count > 0)
        {
            return EventResult.Invalid<int>(problems);
        }

        if (!await access.MayOrganiseAsync(actor, unit!.Id, cancellationToken))
        {
            return EventResult.Refused<int>(EventRefusal.Forbidden, new InputProblem("event.forbidden", new ProblemPlace(Field: "hostUnit"), "quyền quản trị đơn vị chủ trì / an administrator of the host unit", unit.Name));
        }

        var course = new TrainingCourse { Title = title!, Description = description, HostUnitId = unit.Id, StartsOn = starts!.Value, EndsOn = ends!.Value, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        course.Sessions.AddRange(sessions);
        db.TrainingCourses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return EventResult.Done<int>(course.Id);
    }

    /// <summary>Adds the officials listed in a CSV or XLSX file (name, unit, position), all or none.</summary>
    public async Task<EventResult<int>> ImportTraineesAsync(int courseId, string fileName, byte[] bytes, SignedIn actor, CancellationToken cancellationToken)
    {
        if (await CheckAsync(courseId, actor, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (records, problems) = TabularFile.Read(fileName, bytes, TraineeColumns, limits.Value);
        if (problems.Count > 0)
        {
            return EventResult.Invalid<int>(problems);
        }

        var all = new List<InputProblem>();
        var trainees = new List<Trainee>();
        foreach (var record in records)
        {
            var local = new List<InputProblem>();
            var name = ConferenceInput.Text(record.Cells.GetValueOrDefault("name").Text, "name", EventLimits.Name, required: true, local);
            var unit = ConferenceInput.Text(record.Cells.GetValueOrDefault("unit").Text, "unit", EventLimits.Name, required: true, local);
            var position = ConferenceInput.Text(record.Cells.GetValueOrDefault("position").Text, "position", EventLimits.Name, required: false, local);
            all.AddRange(local.Select(p => p with { Place = new ProblemPlace(fileName, record.Sheet, record.Row, record.Cells.GetValueOrDefault(p.Place.Field!).Column, p.Place.Field) }));
            if (local.Count == 0)
            {
                trainees.Add(new Trainee { TrainingCourseId = courseId, FullName = name!, Unit = unit!, Position = position });
            }
        }

        if (records.Count == 0)
        {
            all.Add(new InputProblem("file.no-rows", new ProblemPlace(Source: fileName), "ít nhất một học viên / at least one trainee", "không có / none"));
        }

        if (all.Count > 0)
        {
            return EventResult.Invalid<int>(all);
        }

        db.Trainees.AddRange(trainees);
        await db.SaveChangesAsync(cancellationToken);
        return EventResult.Done<int>(trainees.Count);
    }

    /// <summary>
    /// Records that the trainees given (all enrolled when none is given) completed the course on its last day,
    /// gives each a certificate number, and writes the host unit's officials trained for that year.
    /// </summary>
    public async Task<EventResult<ValueWriteResult>> CompleteAsync(int courseId, IReadOnlyList<int>? traineeIds, SignedIn actor, CancellationToken cancellationToken)
    {
        if (await CheckAsync(courseId, actor, cancellationToken) is { } refusal)
        {
            return refusal.As<ValueWriteResult>();
        }

        var course = await db.TrainingCourses.AsNoTracking().SingleAsync(c => c.Id == courseId, cancellationToken);
        var trainees = await db.Trainees.Where(t => t.TrainingCourseId == courseId && t.CompletedOn == null).ToListAsync(cancellationToken);
        foreach (var trainee in trainees.Where(t => traineeIds is null || traineeIds.Contains(t.Id)))
        {
            trainee.CompletedOn = course.EndsOn;
            trainee.CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"DTI-{course.EndsOn.Year}-{course.Id:D4}-{trainee.Id:D5}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return EventResult.Done<ValueWriteResult>(await measures.WriteTrainingAsync(course.HostUnitId, course.EndsOn.Year, actor, cancellationToken));
    }

    public Task<IReadOnlyList<TrainingCourseSummary>> ListAsync(CancellationToken cancellationToken) =>
        ListAsync(aroundUnitId: null, 1_000, cancellationToken);

    /// <summary>
    /// The latest courses, newest first; with <paramref name="aroundUnitId"/> only those hosted by that unit or a
    /// unit directly under it (the unit page's list).
    /// </summary>
    public async Task<IReadOnlyList<TrainingCourseSummary>> ListAsync(int? aroundUnitId, int count, CancellationToken cancellationToken)
    {
        var rows = await db.TrainingCourses.AsNoTracking()
            .Join(db.Units, c => c.HostUnitId, u => u.Id, (c, u) => new { Course = c, Unit = u })
            .Where(x => aroundUnitId == null || x.Unit.Id == aroundUnitId || x.Unit.ParentId == aroundUnitId)
            .OrderByDescending(x => x.Course.StartsOn).ThenByDescending(x => x.Course.Id).Take(count)
            .Select(x => new
            {
                x.Course.Id,
                x.Course.Title,
                x.Course.StartsOn,
                x.Course.EndsOn,
                Unit = new { x.Unit.Code, x.Unit.Name },
                Enrolled = db.Trainees.Count(t => t.TrainingCourseId == x.Course.Id),
                Completed = db.Trainees.Count(t => t.TrainingCourseId == x.Course.Id && t.CompletedOn != null),
            }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TrainingCourseSummary(r.Id, r.Title, r.Unit.Code.Value, r.Unit.Name, r.StartsOn, r.EndsOn, r.Enrolled, r.Completed))];
    }

    public async Task<TrainingCourseDetail?> GetAsync(int id, SignedIn? actor, CancellationToken cancellationToken)
    {
        var course = await db.TrainingCourses.AsNoTracking().Include(c => c.Sessions).Include(c => c.Trainees).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null)
        {
            return null;
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == course.HostUnitId).Select(u => new { u.Code, u.Name }).SingleAsync(cancellationToken);
        return new TrainingCourseDetail(
            new TrainingCourseSummary(course.Id, course.Title, unit.Code.Value, unit.Name, course.StartsOn, course.EndsOn, course.Trainees.Count, course.Trainees.Count(t => t.CompletedOn is not null)),
            course.Description,
            [.. course.Sessions.OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new TrainingSessionInput(s.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Topic, s.Lecturer))],
            [.. course.Trainees.OrderBy(t => t.Id).Select(t => new TraineeRow(t.Id, t.FullName, t.Unit, t.Position, t.CompletedOn, t.CertificateNumber))],
            await access.MayOrganiseAsync(actor, course.HostUnitId, cancellationToken));
    }

    private async Task<EventResult<int>?> CheckAsync(int courseId, SignedIn actor, CancellationToken cancellationToken)
    {
        var host = await db.TrainingCourses.AsNoTracking().Where(c => c.Id == courseId).Select(c => (int?)c.HostUnitId).SingleOrDefaultAsync(cancellationToken);
        if (host is null)
        {
            return EventResult.Refused<int>(EventRefusal.NotFound, new InputProblem("course.unknown", new ProblemPlace(Field: "id"), "một khóa đào tạo / a training course", courseId.ToString(CultureInfo.InvariantCulture)));
        }

        return await access.MayOrganiseAsync(actor, host.Value, cancellationToken)
            ? null
            : EventResult.Refused<int>(EventRefusal.Forbidden, new InputProblem("event.forbidden", new ProblemPlace(Field: "hostUnit"), "quyền quản trị đơn vị chủ trì / an administrator of the host unit", host.Value.ToString(CultureInfo.InvariantCulture)));
    }

    private static DateOnly? Day(string? text, string field, List<InputProblem> problems)
    {
        if (DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new InputProblem("field.date", new ProblemPlace(Field: field), "ngày dạng 2026-03-20 / a date such as 2026-03-20", text));
        return null;
    }
}
