using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;
using OpenDti.Domain.Text;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Store.Model;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// The one way values get into the store, whatever the channel (form, template upload, API, ingestion,
/// events). A batch is checked whole — codes, periods, the unit's obligation to report, the actor's right
/// to write the unit, the submission's state, type and range, the version the writer saw — and then either
/// written whole in one transaction, every change with its audit entry, or refused whole with every
/// problem listed and nothing written.
/// </summary>
public sealed class ValueWriter(OpenDtiDbContext db, DataSetCatalog catalog, UnitHierarchy hierarchy, TimeProvider time)
{
    /// <summary>The most values one batch may carry (a province's communes times a data set, with room).</summary>
    public const int MaxBatch = 100_000;

    /// <summary>
    /// Writes the batch for <paramref name="actor"/> through <paramref name="channel"/>, restricted to
    /// <paramref name="dataSetCode"/> when given (a form or a template is for one data set).
    /// </summary>
    public async Task<ValueWriteResult> WriteAsync(
        IReadOnlyList<ValueInput> inputs, SignedIn actor, string channel, string? dataSetCode, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValueProblem>();
        if (inputs.Count > MaxBatch)
        {
            return ValueWriteResult.Refused([Invalid("batch.too-large", new ProblemPlace(), $"at most {MaxBatch} values in one batch", $"{inputs.Count} values")]);
        }

        var sets = await catalog.AllAsync(cancellationToken);
        if (dataSetCode is not null)
        {
            sets = [.. sets.Where(s => string.Equals(s.DataSet.Code, dataSetCode, StringComparison.OrdinalIgnoreCase))];
            if (sets.Count == 0)
            {
                return ValueWriteResult.Refused([Invalid("dataset.unknown", new ProblemPlace(Field: "dataSet"), "the code of a data set", dataSetCode)]);
            }
        }

        var units = await LoadUnitsAsync(inputs, cancellationToken);
        var measures = await LoadMeasuresAsync(cancellationToken);
        var today = time.Today();

        // Pass 1: every input on its own.
        var rows = new List<Row>(inputs.Count);
        var seen = new Dictionary<(int, int, Period), ProblemPlace>();
        foreach (var input in inputs)
        {
            var row = await CheckAsync(input, units, measures, sets, actor, today, problems, cancellationToken);
            if (row is null)
            {
                continue;
            }

            if (seen.TryGetValue((row.Unit.Id, row.Measure.Id, row.Period), out var first))
            {
                problems.Add(Invalid("value.duplicate", input.Place, "each (unit, measure, period) once in a batch", $"a repeat of {Describe(first)}"));
                continue;
            }

            seen.Add((row.Unit.Id, row.Measure.Id, row.Period), input.Place);
            rows.Add(row);
        }

        if (problems.Count > 0)
        {
            return ValueWriteResult.Refused(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Pass 2: against the store — the submissions' state and the versions the writer saw.
        var submissions = await LoadSubmissionsAsync(rows, cancellationToken);
        var existing = await LoadValuesAsync(rows, cancellationToken);
        foreach (var row in rows)
        {
            if (submissions.TryGetValue((row.DataSet.DataSet.Id, row.Unit.Id, row.Period), out var submission) && !submission.IsOpenForEntry)
            {
                problems.Add(new ValueProblem(Problem(
                    "submission.locked", row.Input.Place,
                    "a submission in draft or returned for correction",
                    submission.Status == SubmissionStatus.Approved
                        ? "an approved, locked submission — a reviewer must reopen it first"
                        : "a submission waiting for review — ask the reviewer to return it"), Refusal.Locked));
                continue;
            }

            var current = existing.GetValueOrDefault((row.Unit.Id, row.Measure.Id, row.Period));
            if (row.Input.Version is { } version && version != (current?.ConcurrencyToken ?? Guid.Empty))
            {
                problems.Add(new ValueProblem(
                    Problem("value.conflict", row.Input.Place, "the value as you last saw it", current is null
                        ? "the value was removed by someone else meanwhile"
                        : $"someone else saved {current.Value.ToString(CultureInfo.InvariantCulture)} at {current.UpdatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC"),
                    Refusal.Conflict,
                    current?.Value,
                    current?.ConcurrencyToken));
            }
        }

        if (problems.Count > 0)
        {
            return ValueWriteResult.Refused(problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var who = actor.AsActor(channel);
        var written = 0;
        var started = new List<Submission>();
        foreach (var row in rows)
        {
            var key = (row.DataSet.DataSet.Id, row.Unit.Id, row.Period);
            var current = existing.GetValueOrDefault((row.Unit.Id, row.Measure.Id, row.Period));
            var comment = string.IsNullOrWhiteSpace(row.Input.Comment) ? null : VietnameseText.Normalize(row.Input.Comment.Trim());
            if (current?.Value == row.Input.Value && current?.Comment == comment && !(current?.IsDemo ?? false))
            {
                continue;
            }

            if (current is null && row.Input.Value is null)
            {
                continue;
            }

            if (!submissions.ContainsKey(key))
            {
                var submission = new Submission { DataSetId = key.Item1, UnitId = key.Item2, Period = key.Item3, Status = SubmissionStatus.Draft, UpdatedAtUtc = now, ConcurrencyToken = Guid.NewGuid() };
                db.Submissions.Add(submission);
                submissions[key] = submission;
                started.Add(submission);
            }

            db.ValueAudit.Add(new ValueAudit
            {
                UnitId = row.Unit.Id,
                MeasureId = row.Measure.Id,
                Period = row.Period,
                OldValue = current?.Value,
                NewValue = row.Input.Value,
                OldComment = current?.Comment,
                NewComment = comment,
                Actor = who,
                Reason = reason,
                AtUtc = now,
            });
            written++;
            if (row.Input.Value is not { } value)
            {
                db.DataValues.Remove(current!);
                continue;
            }

            if (current is null)
            {
                db.DataValues.Add(new DataValue
                {
                    UnitId = row.Unit.Id,
                    MeasureId = row.Measure.Id,
                    Period = row.Period,
                    Value = value,
                    Comment = comment,
                    Source = who.Channel,
                    UpdatedAtUtc = now,
                    ConcurrencyToken = Guid.NewGuid(),
                });
            }
            else
            {
                current.Value = value;
                current.Comment = comment;
                current.Source = who.Channel;
                current.IsDemo = false;
                current.UpdatedAtUtc = now;
                current.ConcurrencyToken = Guid.NewGuid();
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var submission in started)
            {
                db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = submission.Id, Action = SubmissionAction.Started, StatusAfter = SubmissionStatus.Draft, Actor = who, AtUtc = now });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer got in between our read and our write (a newer version, or the same new row):
            // nothing of this batch is kept; the writer reloads and sees the other's values.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ValueWriteResult.Refused([new ValueProblem(
                Problem("value.conflict", new ProblemPlace(), "values nobody else is saving at the same moment", "someone else saved some of these values at the same time — reload and try again"),
                Refusal.Conflict)]);
        }

        var breaches = await BreachesAsync(rows, cancellationToken);
        return new ValueWriteResult(written, rows.Count - written, [], breaches);
    }

    /// <summary>The rules broken, for each (data set, unit, period) of the batch, by the values now stored.</summary>
    public async Task<IReadOnlyList<RuleBreach>> BreachesAsync(DataSetView dataSet, ReportingUnit unit, Period period, CancellationToken cancellationToken)
    {
        var ids = dataSet.Fields.Select(f => f.Measure.Id).ToList();
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.UnitId == unit.Id && v.Period == period && ids.Contains(v.MeasureId))
            .ToListAsync(cancellationToken);
        var byCode = values.ToDictionary(v => dataSet.Field(v.MeasureId)!.Measure.Code.Value, v => v.Value, StringComparer.Ordinal);
        return [.. dataSet.BrokenRules(period, byCode).Select(r => new RuleBreach(unit.Code.Value, period.ToString(), r.Code, r.Message, r.MessageEn, r.Expression))];
    }

    /// <remarks>
    /// One query for the whole batch, not one per (unit, period): an upload of a province's 3,000 communes
    /// spent a sixth of its write in 3,000 small queries here.
    /// </remarks>
    private async Task<IReadOnlyList<RuleBreach>> BreachesAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var unitIds = rows.Select(r => r.Unit.Id).Distinct().ToList();
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var measureIds = rows.SelectMany(r => r.DataSet.Fields).Select(f => f.Measure.Id).Distinct().ToList();
        var stored = (await db.DataValues.AsNoTracking()
            .Where(v => unitIds.Contains(v.UnitId) && periods.Contains(v.Period) && measureIds.Contains(v.MeasureId))
            .ToListAsync(cancellationToken))
            .ToLookup(v => (v.UnitId, v.Period));
        var breaches = new List<RuleBreach>();
        foreach (var (dataSet, unit, period) in rows.Select(r => (r.DataSet, r.Unit, r.Period)).Distinct())
        {
            var byCode = stored[(unit.Id, period)].Where(v => dataSet.Field(v.MeasureId) is not null)
                .ToDictionary(v => dataSet.Field(v.MeasureId)!.Measure.Code.Value, v => v.Value, StringComparer.Ordinal);
            breaches.AddRange(dataSet.BrokenRules(period, byCode).Select(r => new RuleBreach(unit.Code.Value, period.ToString(), r.Code, r.Message, r.MessageEn, r.Expression)));
        }

        return breaches;
    }

    private async Task<Row?> CheckAsync(
        ValueInput input, ILookup<string, ReportingUnit> units, IReadOnlyDictionary<string, Measure> measures, IReadOnlyList<DataSetView> sets,
        SignedIn actor, DateOnly today, List<ValueProblem> problems, CancellationToken cancellationToken)
    {
        var before = problems.Count;
        if (!Period.TryParse(input.Period?.Trim(), out var period))
        {
            problems.Add(Invalid("period.invalid", input.Place with { Field = input.Place.Field ?? "period" }, "a period such as 2024, 2024Q1 or 2024-03", input.Period));
        }
        else if (period.Start > today)
        {
            problems.Add(Invalid("period.future", input.Place with { Field = input.Place.Field ?? "period" }, "a period that has started", input.Period));
        }

        var measure = measures.GetValueOrDefault(input.Measure?.Trim().ToUpperInvariant() ?? string.Empty);
        if (measure is null)
        {
            problems.Add(Invalid("measure.unknown", input.Place with { Field = input.Place.Field ?? "measure" }, "the code of a measure", input.Measure));
        }

        var unit = problems.Count == before ? units[input.Unit?.Trim() ?? string.Empty].FirstOrDefault(u => u.IsValidOn(period.End)) : null;
        if (problems.Count == before && unit is null)
        {
            problems.Add(Invalid("unit.unknown", input.Place with { Field = input.Place.Field ?? "unit" }, $"the code of a unit in force on {period.End:yyyy-MM-dd}", input.Unit));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var dataSet = sets.FirstOrDefault(s => s.Field(measure!.Id) is not null && s.IsReportedBy(unit!, period));
        if (dataSet is null)
        {
            problems.Add(Invalid("value.not-reported", input.Place, $"a measure {unit!.Name} reports for a {period.Type.ToString().ToLowerInvariant()} in a data set", $"{measure!.Code} for {period}"));
            return null;
        }

        if (!actor.Allows(Ability.Enter, await hierarchy.AncestryAsync(unit!.Id, cancellationToken)))
        {
            problems.Add(new ValueProblem(Problem("unit.forbidden", input.Place, $"a unit you may enter data for", $"{unit.Code} {unit.Name}"), Refusal.Forbidden));
            return null;
        }

        var field = dataSet.Field(measure!.Id)!;
        if (input.Value is { } value)
        {
            var setting = field.Setting;
            if (!double.IsFinite(value))
            {
                problems.Add(Invalid("value.not-number", input.Place, "a number", value.ToString(CultureInfo.InvariantCulture)));
            }
            else if (setting.WholeNumber && value != Math.Floor(value))
            {
                problems.Add(Invalid("value.not-whole", input.Place, $"a whole number of {field.Measure.UnitOfMeasure}", value.ToString(CultureInfo.InvariantCulture)));
            }
            else if (value < setting.Minimum || value > setting.Maximum)
            {
                problems.Add(Invalid("value.out-of-range", input.Place, Range(setting), value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (input.Comment is { Length: > ValueLimits.CommentLength })
        {
            problems.Add(Invalid("comment.too-long", input.Place, $"a comment of at most {ValueLimits.CommentLength} characters", $"{input.Comment.Length} characters"));
        }

        return problems.Count > before ? null : new Row(input, unit, measure, period, dataSet);
    }

    private static string Range(DataSetMeasure setting) => (setting.Minimum, setting.Maximum) switch
    {
        ({ } low, { } high) => $"a number from {low.ToString(CultureInfo.InvariantCulture)} to {high.ToString(CultureInfo.InvariantCulture)}",
        ({ } low, null) => $"a number of at least {low.ToString(CultureInfo.InvariantCulture)}",
        (null, { } high) => $"a number of at most {high.ToString(CultureInfo.InvariantCulture)}",
        _ => "a number",
    };

    private async Task<ILookup<string, ReportingUnit>> LoadUnitsAsync(IReadOnlyList<ValueInput> inputs, CancellationToken cancellationToken)
    {
        var codes = inputs.Select(i => i.Unit?.Trim() ?? string.Empty).Where(UnitCode.IsValid).Distinct().Select(c => new UnitCode(c)).ToList();
        var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(cancellationToken);
        return units.ToLookup(u => u.Code.Value, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, Measure>> LoadMeasuresAsync(CancellationToken cancellationToken)
    {
        var measures = await db.Measures.AsNoTracking().ToListAsync(cancellationToken);
        return measures.ToDictionary(m => m.Code.Value, StringComparer.Ordinal);
    }

    private async Task<Dictionary<(int, int, Period), Submission>> LoadSubmissionsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var unitIds = rows.Select(r => r.Unit.Id).Distinct().ToList();
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var found = await db.Submissions.Where(s => unitIds.Contains(s.UnitId) && periods.Contains(s.Period)).ToListAsync(cancellationToken);
        return found.ToDictionary(s => (s.DataSetId, s.UnitId, s.Period));
    }

    private async Task<Dictionary<(int, int, Period), DataValue>> LoadValuesAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var unitIds = rows.Select(r => r.Unit.Id).Distinct().ToList();
        var measureIds = rows.Select(r => r.Measure.Id).Distinct().ToList();
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var found = await db.DataValues
            .Where(v => unitIds.Contains(v.UnitId) && measureIds.Contains(v.MeasureId) && periods.Contains(v.Period))
            .ToListAsync(cancellationToken);
        return found.ToDictionary(v => (v.UnitId, v.MeasureId, v.Period));
    }

    private static ValueProblem Invalid(string code, ProblemPlace place, string expected, string? found) =>
        new(Problem(code, place, expected, found), Refusal.Invalid);

    private static InputProblem Problem(string code, ProblemPlace place, string expected, string? found) => new(code, place, expected, found);

    private static string Describe(ProblemPlace place) =>
        place.Row is { } row ? $"row {row}" : place.Field ?? "an earlier value";

    private sealed record Row(ValueInput Input, ReportingUnit Unit, Measure Measure, Period Period, DataSetView DataSet);
}
