using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Problems;
using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Output;
using OpenDti.Dossiers.Records;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// <c>dossiers ingest</c>, for the command line, the page and the API: reads a dossier export twice — first
/// to check every row (a unit unknown to the store is a bad row too) and the actor's right to every unit,
/// writing nothing; then, in one transaction, to load the rows into the stored dossier states (a dossier
/// already stored is replaced) and to recompute the KPI values of every (unit, month) the file touched, from
/// the stored states. The same file twice therefore counts once, and a later export with new statuses
/// replaces the earlier state. docs/dossier-ingest.md.
/// </summary>
public sealed partial class DossierIngest(OpenDtiDbContext db, TimeProvider time, ILogger<DossierIngest> logger)
{
    /// <summary>Creates the ingestion record of a file (status <paramref name="status"/>), with its SHA-256.</summary>
    public async Task<DossierIngestion> CreateAsync(string path, string fileName, string channel, Actor actor, bool skipInvalid, string status, CancellationToken cancellationToken)
    {
        string sha;
        await using (var stream = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        var ingestion = new DossierIngestion
        {
            FileName = fileName,
            Sha256 = sha,
            Status = status,
            Channel = channel,
            ActorName = actor.Name,
            UserId = actor.UserId,
            ApiKeyId = actor.ApiKeyId,
            SkipInvalid = skipInvalid,
            TotalBytes = new FileInfo(path).Length,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            HeartbeatAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.DossierIngestions.Add(ingestion);
        await db.SaveChangesAsync(cancellationToken);
        return ingestion;
    }

    /// <summary>Runs <paramref name="ingestion"/> (already recorded, status running) on <paramref name="request"/>'s file.</summary>
    public async Task<DossierIngestResult> RunAsync(DossierIngestion ingestion, DossierIngestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(request);
        using var alive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(ingestion.Id, alive.Token);
        try
        {
            return await RunCheckedAsync(ingestion, request, cancellationToken);
        }
        finally
        {
            await alive.CancelAsync();
            await heartbeat;
        }
    }

    private async Task<DossierIngestResult> RunCheckedAsync(DossierIngestion ingestion, DossierIngestRequest request, CancellationToken cancellationToken)
    {
        var units = await DossierUnits.LoadAsync(db, cancellationToken);
        var sameFile = await db.DossierIngestions.AsNoTracking()
            .Where(i => i.Sha256 == ingestion.Sha256 && i.Status == DossierIngestionStatus.Succeeded && i.Id != ingestion.Id)
            .OrderBy(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);

        ProcedureCatalogue? catalogue = null;
        if (request.CataloguePath is { } cataloguePath)
        {
            var catalogueName = request.CatalogueName ?? Path.GetFileName(cataloguePath);
            ingestion.CatalogueFileName = catalogueName;
            var (loaded, refusal) = await LoadCatalogueAsync(cataloguePath, catalogueName, request.Actor, units, cancellationToken);
            if (refusal is not null)
            {
                return await FailAsync(ingestion, refusal, cancellationToken);
            }

            catalogue = loaded;
        }

        request.OnPhase?.Invoke("checking");
        using var rejectedRows = request.SkipInvalid && request.RejectedRowsPath is { } rejectedPath ? new RejectedRowsWriter(rejectedPath) : null;
        var check = await CheckAsync(ingestion, request, units, rejectedRows, cancellationToken);
        if (check.Refused is { } refused)
        {
            return await FailAsync(ingestion, refused, cancellationToken);
        }

        request.OnPhase?.Invoke("writing");
        ingestion.BytesRead = ingestion.TotalBytes;
        ingestion.RejectedRows = check.RejectedRows;
        if (check.RejectedRows > 0)
        {
            ingestion.Message = Describe(Refused(DossierIngestOutcome.Succeeded, check.Problems, check.ProblemCount));
        }

        ingestion.HeartbeatAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var result = await WriteAsync(ingestion, request, units, catalogue, cancellationToken);
        if (result.Outcome != DossierIngestOutcome.Succeeded)
        {
            return await FailAsync(ingestion, result, cancellationToken);
        }

        LogIngested(logger, request.FileName, result.Rows, result.Added, result.Updated, result.ValuesWritten);
        return result with
        {
            Problems = check.Problems,
            ProblemCount = check.ProblemCount,
            RejectedRows = check.RejectedRows,
            RejectedRowsPath = check.RejectedRows > 0 ? rejectedRows?.Keep() : null,
            SameFileAs = sameFile,
        };
    }

    private async Task<Check> CheckAsync(DossierIngestion ingestion, DossierIngestRequest request, DossierUnits units, RejectedRowsWriter? rejected, CancellationToken cancellationToken)
    {
        var unitIds = new HashSet<int>();
        var problems = new List<InputProblem>();
        long problemCount = 0;
        long rejectedRows = 0;
        var reading = Task.Run(() => DossierRecords.Read(request.Path, request.FileName,
            record =>
            {
                var problem = CheckUnit(record, units);
                if (problem is null)
                {
                    unitIds.Add(units.Resolve(record.UnitCode, DateOnly.FromDateTime(DossierRecord.ToDateTime(record.ReceivedAt)))!.Id);
                }

                return problem;
            },
            row =>
            {
                problemCount += row.Problems.Count;
                if (problems.Count < DossierIngestResult.MaxProblems)
                {
                    problems.AddRange(row.Problems);
                }

                rejectedRows++;
                rejected?.Add(row);
            },
            request.Progress, cancellationToken), cancellationToken);

        // The progress the page polls: the ingestion's row, saved twice a second while the file is read.
        while (await Task.WhenAny(reading, Task.Delay(500, cancellationToken)) != reading)
        {
            ingestion.BytesRead = request.Progress.Bytes;
            ingestion.RowsRead = request.Progress.Lines;
            ingestion.HeartbeatAtUtc = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        var read = await reading;
        if (read.HeaderProblems.Count > 0)
        {
            return new Check(Refused(DossierIngestOutcome.Invalid, read.HeaderProblems, read.HeaderProblems.Count), [], 0, 0);
        }

        if (problemCount > 0 && !request.SkipInvalid)
        {
            return new Check(Refused(DossierIngestOutcome.Invalid, problems.Take(DossierIngestResult.MaxProblems).ToList(), problemCount), [], 0, 0);
        }

        var forbidden = request.Actor is { } actor
            ? unitIds.Where(id => !actor.Allows(Ability.Enter, units.Ancestry(id))).Select(id => units.Unit(id).Code.Value).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        if (forbidden.Count > 0)
        {
            return new Check(new DossierIngestResult
            {
                Outcome = DossierIngestOutcome.Forbidden,
                ForbiddenUnits = forbidden,
                Problems = [new InputProblem("unit.forbidden", new ProblemPlace(request.FileName, Field: "unit_code"), "các đơn vị bạn được nhập số liệu / units you may enter data for", string.Join(", ", forbidden.Take(20)))],
                ProblemCount = 1,
            }, [], 0, 0);
        }

        return new Check(null, problems, problemCount, rejectedRows);
    }

    private static RecordCheck? CheckUnit(DossierRecord record, DossierUnits units)
    {
        var day = DateOnly.FromDateTime(DossierRecord.ToDateTime(record.ReceivedAt));
        if (units.Resolve(record.UnitCode, day) is not null)
        {
            return null;
        }

        return new RecordCheck(DossierField.UnitCode, units.IsKnown(record.UnitCode) ? "dossiers.unit-not-in-force" : "dossiers.unknown-unit",
            string.Create(CultureInfo.InvariantCulture, $"mã một đơn vị có trong hệ thống ngày {day:dd/MM/yyyy} (thêm bằng units import) / the code of a unit in force on {day:yyyy-MM-dd} (add it with units import)"),
            record.UnitCode);
    }

    private async Task<DossierIngestResult> WriteAsync(DossierIngestion ingestion, DossierIngestRequest request, DossierUnits units, ProcedureCatalogue? catalogue, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DossierJobLease.TakeWritingTurnAsync(db, cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();
        StagedChanges changes;
        long rows;
        await using (var writer = await DossierStateWriter.StartAsync(db.Database.GetDbConnection(), dbTransaction, cancellationToken))
        {
            var reading = await Task.Run(() => DossierRecords.Read(request.Path, request.FileName,
                record =>
                {
                    var problem = CheckUnit(record, units);
                    if (problem is null)
                    {
                        writer.Add(record);
                    }

                    return problem;
                },
                _ => { }, request.Progress, cancellationToken), cancellationToken);
            rows = reading.ValidRows;
            changes = await writer.ApplyAsync(ingestion.Id, cancellationToken);
        }

        // A dossier the file moves away from a unit counts there no more: that unit must be the actor's too.
        if (request.Actor is { } actor)
        {
            var forbidden = changes.MovedFromUnits
                .Where(code => !units.WithCode(code).Any(u => actor.Allows(Ability.Enter, units.Ancestry(u.Id))))
                .ToList();
            if (forbidden.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new DossierIngestResult
                {
                    Outcome = DossierIngestOutcome.Forbidden,
                    ForbiddenUnits = forbidden,
                    Problems = [new InputProblem("unit.forbidden", new ProblemPlace(request.FileName, Field: "dossier_id"), "hồ sơ của các đơn vị bạn được nhập số liệu / dossiers of units you may enter data for", "hồ sơ đang thuộc / dossiers stored under " + string.Join(", ", forbidden.Take(20)))],
                    ProblemCount = 1,
                };
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cells = changes.Cells;
        if (catalogue is not null && await ReplaceCatalogueAsync(catalogue, ingestion.Id, cancellationToken))
        {
            // Every (unit, month)'s full-online procedures are counted against the catalogue: all are recomputed.
            cells = await AllCellsAsync(dbTransaction, cells, cancellationToken);
        }

        int written;
        try
        {
            written = await new DossierKpiValues(db).WriteAsync(cells, units, request.RecordedAs, now, dbTransaction, cancellationToken);
            if (!await StillRunningAsync(ingestion.Id, now, cancellationToken))
            {
                // Marked failed as interrupted meanwhile (its heartbeat looked stale): the record says nothing was written, so nothing is.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return Refused(DossierIngestOutcome.Conflict, [new InputProblem("ingestion.interrupted", new ProblemPlace(request.FileName), "một lần nạp chưa bị đánh dấu gián đoạn / an ingestion not marked as interrupted", "tải lên lại / upload again")], 1);
            }

            ingestion.Status = DossierIngestionStatus.Succeeded;
            ingestion.BytesRead = ingestion.TotalBytes;
            ingestion.RowsRead = rows;
            ingestion.DossiersAdded = changes.Added;
            ingestion.DossiersUpdated = changes.Changed;
            ingestion.ValuesWritten = written;
            ingestion.FinishedAtUtc = now;
            ingestion.SpoolPath = null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone wrote the same values in between: nothing of this file is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Refused(DossierIngestOutcome.Conflict, [new InputProblem("value.conflict", new ProblemPlace(request.FileName), "không ai ghi cùng số liệu lúc đó / nobody writing the same values at the same moment", "thử lại / try again")], 1);
        }

        return new DossierIngestResult
        {
            Outcome = DossierIngestOutcome.Succeeded,
            IngestionId = ingestion.Id,
            Rows = rows,
            Added = changes.Added,
            Updated = changes.Changed,
            Unchanged = changes.Updated - changes.Changed,
            Cells = changes.FileCells,
            ValuesWritten = written,
        };
    }

    // Reads and checks a catalogue; replacing the stored one changes every unit's full-online share, so it needs the
    // right to enter data for the nation (the command line's operator has it). The same catalogue again needs nothing.
    private async Task<(ProcedureCatalogue? Catalogue, DossierIngestResult? Refusal)> LoadCatalogueAsync(
        string path, string name, SignedIn? actor, DossierUnits units, CancellationToken cancellationToken)
    {
        ProcedureCatalogue? catalogue;
        IReadOnlyList<InputProblem> problems;
        await using (var stream = File.OpenRead(path))
        {
            (catalogue, problems) = ProcedureCatalogue.Load(stream, name);
        }

        if (catalogue is null)
        {
            return (null, Refused(DossierIngestOutcome.Invalid, [.. problems.Take(DossierIngestResult.MaxProblems)], problems.Count));
        }

        if (actor is null || !await CatalogueDiffersAsync(catalogue, cancellationToken) || actor.Allows(Ability.Enter, [units.NationId]))
        {
            return (catalogue, null);
        }

        return (null, new DossierIngestResult
        {
            Outcome = DossierIngestOutcome.Forbidden,
            ForbiddenUnits = [units.Unit(units.NationId).Code.Value],
            Problems = [new InputProblem("catalogue.forbidden", new ProblemPlace(name),
                "quyền nhập số liệu cấp toàn quốc: danh mục thủ tục dùng chung cho mọi đơn vị / data-entry rights for the nation: the procedure catalogue is shared by every unit",
                "một danh mục khác danh mục đã lưu / a catalogue that differs from the stored one")],
            ProblemCount = 1,
        });
    }

    private async Task<bool> CatalogueDiffersAsync(ProcedureCatalogue catalogue, CancellationToken cancellationToken)
    {
        var stored = await db.DossierProcedures.AsNoTracking().ToListAsync(cancellationToken);
        return stored.Count != catalogue.Procedures.Count || stored.Any(p =>
            !catalogue.Procedures.TryGetValue(p.Code, out var given)
            || given.Name != p.Name || given.Sector != p.Sector || (given.Level == ServiceLevel.Full) != p.IsFullOnline);
    }

    // The stored catalogue becomes this one, in the ingestion's transaction; false when it was the same already.
    private async Task<bool> ReplaceCatalogueAsync(ProcedureCatalogue catalogue, long ingestionId, CancellationToken cancellationToken)
    {
        if (!await CatalogueDiffersAsync(catalogue, cancellationToken))
        {
            return false;
        }

        await db.DossierProcedures.ExecuteDeleteAsync(cancellationToken);
        db.DossierProcedures.AddRange(catalogue.Procedures.Values.Select(p => new DossierProcedure
        {
            Code = p.Code,
            Name = p.Name,
            Sector = p.Sector,
            IsFullOnline = p.Level == ServiceLevel.Full,
            IngestionId = ingestionId,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<IReadOnlySet<(string Unit, int Month)>> AllCellsAsync(System.Data.Common.DbTransaction transaction, IReadOnlySet<(string Unit, int Month)> cells, CancellationToken cancellationToken)
    {
        var all = new HashSet<(string Unit, int Month)>(cells);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        command.CommandText = "SELECT DISTINCT unit_code, month FROM dossier_states";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            all.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return all;
    }

    // Inside the ingestion's transaction: still running (not marked interrupted)? On PostgreSQL the update locks the
    // row until the commit, so marking it failed from elsewhere waits and then finds it succeeded.
    private async Task<bool> StillRunningAsync(long id, DateTime now, CancellationToken cancellationToken) =>
        await db.DossierIngestions.Where(i => i.Id == id && i.Status == DossierIngestionStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAtUtc, now), cancellationToken) == 1;

    // While the ingestion runs, its heartbeat is written every few seconds through a connection of its own, so that it
    // goes on during the writing pass on PostgreSQL. On SQLite the writing pass holds the only write lock: the beat
    // waits and is skipped, and nobody can mark the ingestion failed meanwhile either (that is a write too).
    private async Task HeartbeatAsync(long id, CancellationToken cancellationToken)
    {
        if (db.Database.GetConnectionString() is not { } connectionString)
        {
            return;
        }

        using var timer = new PeriodicTimer(DossierIngestionStatus.HeartbeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await using var beat = StoreConnection.CreateContext(connectionString);
                    var now = time.GetUtcNow().UtcDateTime;
                    await beat.DossierIngestions.Where(i => i.Id == id && i.Status == DossierIngestionStatus.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAtUtc, now), cancellationToken);
                }
                catch (System.Data.Common.DbException exception)
                {
                    LogHeartbeatSkipped(logger, id, exception.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The ingestion ended.
        }
    }

    private async Task<DossierIngestResult> FailAsync(DossierIngestion ingestion, DossierIngestResult result, CancellationToken cancellationToken)
    {
        var tracked = await db.DossierIngestions.SingleAsync(i => i.Id == ingestion.Id, cancellationToken);
        tracked.Status = DossierIngestionStatus.Failed;
        tracked.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        tracked.SpoolPath = null;
        tracked.Message = Describe(result);
        await db.SaveChangesAsync(cancellationToken);
        LogRefused(logger, ingestion.FileName, result.Outcome, result.ProblemCount);
        return result with { IngestionId = ingestion.Id };
    }

    /// <summary>The problems as lines of text (line, column, expected, found), for the record and the command line.</summary>
    public static string Describe(DossierIngestResult result)
    {
        var lines = result.Problems.Take(100).Select(Describe).ToList();
        if (result.ProblemCount > lines.Count)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"… {result.ProblemCount} lỗi tất cả / problems in all"));
        }

        return string.Join('\n', lines);
    }

    public static string Describe(InputProblem p)
    {
        var line = p.Place.Row is { } r ? string.Create(CultureInfo.InvariantCulture, $", dòng / line {r}") : "";
        var column = (p.Place.Column ?? p.Place.Field) is { } c ? $", cột / column {c}" : "";
        var found = p.Found is null ? "" : $"; tìm thấy / found \"{p.Found}\"";
        return $"{p.Place.Source}{line}{column}: cần / expected {p.Expected}{found}";
    }

    private static DossierIngestResult Refused(DossierIngestOutcome outcome, IReadOnlyList<InputProblem> problems, long count) =>
        new() { Outcome = outcome, Problems = problems, ProblemCount = count };

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier file {File} ingested: {Rows} rows, {Added} new, {Updated} replaced, {Values} values written")]
    private static partial void LogIngested(ILogger logger, string file, long rows, long added, long updated, int values);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat of dossier ingestion {Id} skipped: {Reason}")]
    private static partial void LogHeartbeatSkipped(ILogger logger, long id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier file {File} refused: {Outcome}, {Count} problems")]
    private static partial void LogRefused(ILogger logger, string file, DossierIngestOutcome outcome, long count);

    private sealed record Check(DossierIngestResult? Refused, IReadOnlyList<InputProblem> Problems, long ProblemCount, long RejectedRows);
}
