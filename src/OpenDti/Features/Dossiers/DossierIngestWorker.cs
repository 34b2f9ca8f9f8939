using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// Runs the page's uploads in the background. An upload is a queued <see cref="DossierIngestion"/> whose file
/// waits in the spool folder. Every instance takes the jobs its own page received at once and, every
/// <see cref="PollInterval"/>, looks in the store for queued jobs whose file it can read. A worker claims a job
/// by taking its <see cref="DossierJobLease"/> and then moving it from queued to running in one conditional
/// update, so each job runs once however many instances see it. The same look finds running jobs whose
/// runner is gone and marks them failed: page jobs whose lease fell with their runner's connection (on SQLite,
/// any page job running when the one process starts), and any ingestion — page, API or command line — whose
/// heartbeat (<see cref="DossierIngestion.HeartbeatAtUtc"/>) is older than <see cref="DossierIngestionStatus.StaleAfter"/>.
/// Their transaction never committed, so nothing of the file was written, and the person uploads it again.
/// docs/deploy.md, "Background jobs across instances".
/// </summary>
public sealed partial class DossierIngestWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<DossierIngestWorker> logger) : BackgroundService
{
    /// <summary>How often an instance looks for queued jobs and abandoned ones.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(3);

    /// <summary>The message of a job whose runner stopped while it ran.</summary>
    public const string InterruptedMessage = "Lần nạp bị gián đoạn vì ứng dụng đã dừng khi đang chạy; không ghi gì. Hãy tải tệp lên lại. / The ingestion was interrupted because the application stopped while it ran; nothing was written. Upload the file again.";

    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>();
    private readonly ConcurrentDictionary<long, bool> _waiting = new();

    /// <summary>The folder uploads wait in until a worker reads them.</summary>
    public static string SpoolFolder => Path.Combine(Path.GetTempPath(), "opendti-dossiers");

    /// <summary>This process, as the log names the instance that ran a job.</summary>
    public static string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>The catalogue that waits beside an upload's spooled file, if the upload had one.</summary>
    public static string CatalogueSpoolPath(string spoolPath) => Path.ChangeExtension(spoolPath, ".catalogue.csv");

    public void Enqueue(long ingestionId)
    {
        if (_waiting.TryAdd(ingestionId, true))
        {
            _queue.Writer.TryWrite(ingestionId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = PollAsync(stoppingToken);
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            _waiting.TryRemove(id, out _);
            try
            {
                await RunAsync(id, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // This loop is the jobs' host: a job that could not even be claimed or recorded (the store went
                // away) must not stop the web application; the next look marks it failed if it was left running.
                LogBroken(logger, exception, id);
            }
        }

        await polling;
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        var atStart = true;
        do
        {
            try
            {
                await FailAbandonedAsync(atStart, cancellationToken);
                await FailStaleAsync(cancellationToken);
                await EnqueueWaitingAsync(cancellationToken);
                atStart = false;
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
            {
                // The store is away (restarting, unreachable): look again at the next tick.
                LogPollFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task EnqueueWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var queued = await db.DossierIngestions.AsNoTracking()
            .Where(i => i.Status == DossierIngestionStatus.Queued && i.SpoolPath != null)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.SpoolPath }).ToListAsync(cancellationToken);
        foreach (var job in queued.Where(j => File.Exists(j.SpoolPath)))
        {
            Enqueue(job.Id);
        }
    }

    /// <summary>Marks failed every running ingestion whose heartbeat is stale (its process stopped); returns how many.</summary>
    public async Task<int> FailStaleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - DossierIngestionStatus.StaleAfter;
        var stale = db.DossierIngestions.Where(i => i.Status == DossierIngestionStatus.Running && (i.HeartbeatAtUtc ?? i.StartedAtUtc ?? i.CreatedAtUtc) < cutoff);
        var spooled = await stale.Where(i => i.SpoolPath != null).Select(i => i.SpoolPath!).ToListAsync(cancellationToken);
        var failed = await stale.ExecuteUpdateAsync(
            s => s.SetProperty(i => i.Status, DossierIngestionStatus.Failed)
                .SetProperty(i => i.Message, InterruptedMessage)
                .SetProperty(i => i.SpoolPath, (string?)null)
                .SetProperty(i => i.FinishedAtUtc, now),
            cancellationToken);
        foreach (var path in spooled)
        {
            DeleteSpooled(path);
        }

        if (failed > 0)
        {
            LogInterrupted(logger, failed);
        }

        return failed;
    }

    /// <summary>Marks failed the page jobs left running by a runner that is gone.</summary>
    private async Task FailAbandonedAsync(bool atStart, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();

        // Without leases (SQLite: one process) a running job can only be told abandoned when this process starts.
        if (!atStart && !DossierJobLease.TellsLiveRunners(db))
        {
            return;
        }

        var running = await db.DossierIngestions.AsNoTracking()
            .Where(i => i.Status == DossierIngestionStatus.Running && i.SpoolPath != null)
            .Select(i => new { i.Id, i.SpoolPath }).ToListAsync(cancellationToken);
        foreach (var job in running)
        {
            if (!await DossierJobLease.TryTakeAsync(db, job.Id, cancellationToken))
            {
                continue;
            }

            try
            {
                var failed = await db.DossierIngestions
                    .Where(i => i.Id == job.Id && i.Status == DossierIngestionStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DossierIngestionStatus.Failed)
                        .SetProperty(i => i.Message, InterruptedMessage)
                        .SetProperty(i => i.SpoolPath, (string?)null)
                        .SetProperty(i => i.FinishedAtUtc, time.GetUtcNow().UtcDateTime), cancellationToken);
                if (failed > 0)
                {
                    DeleteSpooled(job.SpoolPath!);
                    LogAbandoned(logger, job.Id, Instance);
                }
            }
            finally
            {
                await DossierJobLease.ReleaseAsync(db, job.Id);
            }
        }
    }

    private async Task RunAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();

        // The lease first, then the claim: a running job always has its lease held until it ends.
        if (!await DossierJobLease.TryTakeAsync(db, id, cancellationToken))
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var claimed = await db.DossierIngestions
                .Where(i => i.Id == id && i.Status == DossierIngestionStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DossierIngestionStatus.Running).SetProperty(i => i.StartedAtUtc, now).SetProperty(i => i.HeartbeatAtUtc, now), cancellationToken);
            if (claimed == 0)
            {
                return;
            }

            LogClaimed(logger, id, Instance);
            await IngestAsync(scope.ServiceProvider, db, id, cancellationToken);
        }
        finally
        {
            await DossierJobLease.ReleaseAsync(db, id);
        }
    }

    private async Task IngestAsync(IServiceProvider services, OpenDtiDbContext db, long id, CancellationToken cancellationToken)
    {
        var ingestion = await db.DossierIngestions.SingleAsync(i => i.Id == id, cancellationToken);
        var path = ingestion.SpoolPath!;
        try
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleAsync(u => u.Id == ingestion.UserId, cancellationToken);
            var actor = new SignedIn(user, null, null);
            var ingest = services.GetRequiredService<DossierIngest>();
            var result = await ingest.RunAsync(ingestion, new DossierIngestRequest
            {
                Path = path,
                FileName = ingestion.FileName,
                SkipInvalid = ingestion.SkipInvalid,
                CataloguePath = ingestion.CatalogueFileName is null ? null : CatalogueSpoolPath(path),
                CatalogueName = ingestion.CatalogueFileName,
                Actor = actor,
                RecordedAs = new Actor { UserId = user.Id, Name = user.UserName!, Channel = ValueSources.Ingestion },
            }, cancellationToken);
            LogFinished(logger, id, result.Outcome);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A job that breaks (a bug, the store went away) is recorded as failed and the worker goes on with
            // the next. Should the store not take even that, the job stays running without a lease, and the
            // next look of any instance marks it failed.
            LogBroken(logger, exception, id);
            db.ChangeTracker.Clear();
            await db.DossierIngestions.Where(i => i.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, DossierIngestionStatus.Failed)
                    .SetProperty(i => i.Message, "Lỗi hệ thống, không ghi gì; tải lên lại / system error, nothing written; upload again")
                    .SetProperty(i => i.FinishedAtUtc, time.GetUtcNow().UtcDateTime),
                CancellationToken.None);
        }
        finally
        {
            DeleteSpooled(path);
        }
    }

    private static void DeleteSpooled(string path)
    {
        File.Delete(path);
        File.Delete(CatalogueSpoolPath(path));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dossier ingestion {Id} broke")]
    private static partial void LogBroken(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier ingestion {Id} claimed by instance {Instance}")]
    private static partial void LogClaimed(ILogger logger, long id, string instance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier ingestion {Id} finished: {Outcome}")]
    private static partial void LogFinished(ILogger logger, long id, DossierIngestOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dossier ingestion {Id} was left running by a stopped instance; marked failed by instance {Instance}")]
    private static partial void LogAbandoned(ILogger logger, long id, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} dossier ingestions were interrupted (their heartbeat stopped) and are marked failed")]
    private static partial void LogInterrupted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for dossier jobs failed; trying again at the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
