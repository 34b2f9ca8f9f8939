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
/// takes up the queued jobs whose file is on this machine. A job whose process stopped while it ran stays
/// "running" in the list; its transaction never committed, so nothing of it was written (upload it again).
/// </summary>
public sealed partial class DossierIngestWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<DossierIngestWorker> logger) : BackgroundService
{
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>();

    /// <summary>The folder uploads wait in until a worker reads them.</summary>
    public static string SpoolFolder => Path.Combine(Path.GetTempPath(), "opendti-dossiers");

    public void Enqueue(long ingestionId) => _queue.Writer.TryWrite(ingestionId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(id, stoppingToken);
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
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DossierIngestionStatus.Running).SetProperty(i => i.StartedAtUtc, now), cancellationToken);
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
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dossier ingestion {Id} broke")]
    private static partial void LogBroken(ILogger logger, Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dossier ingestion {Id} finished: {Outcome}")]
    private static partial void LogFinished(ILogger logger, long id, DossierIngestOutcome outcome);
}
