using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.DataEntry;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.Submissions;

/// <summary>
/// Sets the deadline of one period of a data set. A deadline holds for every unit that reports the data set,
/// so only an administrator of the nation or of a province (national-admin, province-admin) may set it.
/// </summary>
public sealed partial class DataSetDeadlines(OpenDtiDbContext db, DataSetCatalog catalog, UnitDirectory units, ILogger<DataSetDeadlines> logger)
{
    /// <summary>How far after its period a deadline may lie.</summary>
    public const int MaxYearsAfterPeriod = 2;

    /// <summary>True when <paramref name="actor"/> may set deadlines (Administer on the nation or a province).</summary>
    public async Task<bool> MaySetAsync(SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var directory = await units.AllAsync(cancellationToken);
        return actor.RootsFor(Ability.Administer).Any(id =>
            directory.TryGetValue(id, out var unit)
            && unit.Level is UnitLevel.Nation or UnitLevel.Province
            && actor.Allows(Ability.Administer, UnitDirectory.Ancestry(directory, id)));
    }

    /// <summary>Sets the deadline of <paramref name="period"/> of the data set <paramref name="code"/> to <paramref name="dueOn"/> (yyyy-MM-dd).</summary>
    public async Task<DeadlineResult> SetAsync(string code, string? period, string? dueOn, SignedIn actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dataSet = await catalog.FindAsync(code, cancellationToken);
        if (dataSet is null)
        {
            return DeadlineResult.Refused(WorkflowRefusal.NotFound, "dataSet", $"Không có bộ số liệu mã '{code}' / no data set has the code '{code}'.");
        }

        if (!await MaySetAsync(actor, cancellationToken))
        {
            return DeadlineResult.Refused(WorkflowRefusal.Forbidden, null, "Chỉ quản trị viên cấp quốc gia hoặc cấp tỉnh được đặt hạn nộp / only a national or provincial administrator may set deadlines.");
        }

        if (!Period.TryParse(period?.Trim(), out var parsed) || parsed.Type != dataSet.DataSet.PeriodType)
        {
            return DeadlineResult.Refused(
                WorkflowRefusal.Invalid, "period", $"Cần một kỳ {dataSet.DataSet.PeriodType.ToString().ToLowerInvariant()} (2024, 2024Q1 hoặc 2024-03) / expected a {dataSet.DataSet.PeriodType.ToString().ToLowerInvariant()} period; nhận được / found '{period}'.");
        }

        if (!QueryDate.TryParse(dueOn?.Trim(), out var date))
        {
            return DeadlineResult.Refused(WorkflowRefusal.Invalid, "dueOn", $"Cần ngày dạng yyyy-MM-dd / expected a date as yyyy-MM-dd; nhận được / found '{dueOn}'.");
        }

        var latest = parsed.End.AddYears(MaxYearsAfterPeriod);
        if (date < parsed.Start || date > latest)
        {
            return DeadlineResult.Refused(
                WorkflowRefusal.Invalid, "dueOn", $"Cần một ngày từ {parsed.Start.ToIso()} đến {latest.ToIso()} / expected a date from the start of {parsed} to {MaxYearsAfterPeriod} years after its end; nhận được / found {date.ToIso()}.");
        }

        var stored = await db.DataSetDeadlines.SingleOrDefaultAsync(d => d.DataSetId == dataSet.DataSet.Id && d.Period == parsed, cancellationToken);
        if (stored is null)
        {
            db.DataSetDeadlines.Add(new DataSetDeadline { DataSetId = dataSet.DataSet.Id, Period = parsed, DueOn = date });
        }
        else
        {
            stored.DueOn = date;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogDeadlineSet(logger, dataSet.DataSet.Code, parsed, date, actor.User.Id);
        return new DeadlineResult(dataSet.DataSet.Code, parsed.ToString(), date, null, null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline of {DataSet} {Period} set to {DueOn} by user {UserId}")]
    private static partial void LogDeadlineSet(ILogger logger, string dataSet, Period period, DateOnly dueOn, int userId);
}

/// <summary>A deadline set, or why not (the parameter at fault, when one is).</summary>
public sealed record DeadlineResult(string? DataSet, string? Period, DateOnly? DueOn, WorkflowRefusal? Refusal, string? Field, string? Problem)
{
    public bool Succeeded => Refusal is null;

    internal static DeadlineResult Refused(WorkflowRefusal refusal, string? field, string problem) => new(null, null, null, refusal, field, problem);
}
