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
/// waits in the spool folder; the worker claims it by moving it from queued to running in one conditional
/// update, so each job runs once even when several instances (or a restart) see it. At start the worker
/// takes up the queued jobs whose file is on this machine. A running job says it is alive every few seconds
/// (<see cref="DossierIngestion.HeartbeatAtUtc"/>); at start and every minute the worker marks failed every
/// running job whose heartbeat is older than <see cref="DossierIngestionStatus.StaleAfter"/> — its process
/// stopped, its transaction never committed, so nothing of it was written — telling the user to upload again.
/// </summary>
public sealed partial class DossierIngestWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<DossierIngestWorker> logger) : BackgroundService
{
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>();

    /// <summary>The folder uploads wait in until a worker reads them.</summary>
    public static string SpoolFolder => Path.Combine(Path.GetTempPath(), "opendti-dossiers");

    /// <summary>What a job interrupted by a stop of its process says.</summary>
    public const string InterruptedMessage = "Lần nạp bị gián đoạn vì ứng dụng đã dừng khi đang chạy; không ghi gì. Hãy tải tệp lên lại. / The ingestion was interrupted because the application stopped while it ran; nothing was written. Upload the file again.";

    /// <summary>The catalogue that waits beside an upload's spooled file, if the upload had one.</summary>
    public static string CatalogueSpoolPath(string spoolPath) => Path.ChangeExtension(spoolPath, ".catalogue.csv");

    public void Enqueue(long ingestionId) => _queue.Writer.TryWrite(ingestionId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await FailStaleAsync(stoppingToken);
        await RecoverAsync(stoppingToken);
        var watch = WatchStaleAsync(stoppingToken);
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(id, stoppingToken);
        }

        await watch;
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
            File.Delete(path);
            File.Delete(CatalogueSpoolPath(path));
        }

        if (failed > 0)
        {
            LogInterrupted(logger, failed);
        }

        return failed;
    }

    private async Task WatchStaleAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FailStaleAsync(stoppingToken);
                }
                catch (System.Data.Common.DbException exception)
                {
                    // The store is busy (an SQLite ingestion holds the write lock) or away: next minute.
                    LogWatchSkipped(logger, exception.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The application stops.
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var queued = await db.DossierIngestions.AsNoTracking()
            .Where(i => i.Status == DossierIngestionStatus.Queued && i.SpoolPath != null)
            .Select(i => new { i.Id, i.SpoolPath }).ToListAsync(cancellationToken);
        foreach (var job in queued.Where(j => File.Exists(j.SpoolPath)))
        {
            Enqueue(job.Id);
        }
    }

    private async Task RunAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.DossierIngestions
            .Where(i => i.Id == id && i.Status == DossierIngestionStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DossierIngestionStatus.Running).SetProperty(i => i.StartedAtUtc, now).SetProperty(i => i.HeartbeatAtUtc, now), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var ingestion = await db.DossierIngestions.SingleAsync(i => i.Id == id, cancellationToken);
        var path = ingestion.SpoolPath!;
        try
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleAsync(u => u.Id == ingestion.UserId, cancellationToken);
            var actor = new SignedIn(user, null, null);
            var ingest = scope.ServiceProvider.GetRequiredService<DossierIngest>();
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
            // This loop is the job's host: a job that breaks (the store went away) is recorded as failed and
            // the worker goes on with the next, instead of stopping the web application.
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
            File.Delete(path);
            File.Delete(CatalogueSpoolPath(path));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dossier ingestion {Id} broke")]
    private static partial void LogBroken(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} dossier ingestions were interrupted (their process stopped) and are marked failed")]
    private static partial void LogInterrupted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Looking for interrupted dossier ingestions skipped: {Reason}")]
    private static partial void LogWatchSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier ingestion {Id} finished: {Outcome}")]
    private static partial void LogFinished(ILogger logger, long id, DossierIngestOutcome outcome);
}
