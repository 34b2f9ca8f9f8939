using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenDti.Store;
using OpenDti.Web.Tests.Features.DataEntry;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// The store failing under a running instance. PostgreSQL stopped and started again while a client writes and
/// reads: /health turns 503 naming the store, then 200 again; requests in between fail with problem details
/// and write nothing, every write answered 2xx is stored whole, and the same process serves again. The disk
/// under the evidence table filling up (a real ENOSPC from a tiny tmpfs) while a person attaches a file: they
/// are told what happened and what to do, nothing of the file is stored, the earlier files are intact.
/// </summary>
public sealed class StoreFaultsTests(OneInstanceOnItsOwnPostgres own) : IClassFixture<OneInstanceOnItsOwnPostgres>
{
    private const string Total = "WORK_DOSSIERS_COMMUNE";
    private const string Online = "WORK_DOSSIERS_COMMUNE_ONLINE";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgresRestartedUnderLoad_HealthGoesRedThenGreen_FailedWritesLeaveNothing_AndTheSameProcessServesAgain()
    {
        const int Communes = 2000;
        await using (var db = StoreConnection.CreateContext(own.Postgres.Database))
        {
            await TemplateFiles.AddCommunesAsync(db, "79", "PGR", Communes);
        }

        await own.RunAsync("users", "add", "--name", "nhap.khi.khoi.dong.lai", "--password", TestAccounts.Password, "--role", "data-entry", "--unit", "79");
        using var api = new HttpClient { BaseAddress = own.Address, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.TokenAsync(api, "nhap.khi.khoi.dong.lai"));
        var process = own.App.Id;

        var clock = Stopwatch.StartNew();
        var writes = new ConcurrentDictionary<int, Answer>();
        var reads = new ConcurrentQueue<Answer>();
        var health = new ConcurrentQueue<Answer>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= Communes && !stop.IsCancellationRequested; i++)
            {
                writes[i] = await AnswerOfAsync(clock, () => api.PutAsJsonAsync("/api/v1/datavalues", new[]
                {
                    new { unit = Commune(i), measure = Total, period = "2025", value = 1000.0 + i },
                    new { unit = Commune(i), measure = Online, period = "2025", value = 500.0 + i },
                }, Cancel));
                await Task.Delay(20, Cancel);
            }
        }, Cancel);
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                reads.Enqueue(await AnswerOfAsync(clock, () => api.GetAsync(new Uri($"/api/v1/datavalues?unit={Commune(1)}&period=2025", UriKind.Relative), Cancel)));
                await Task.Delay(50, Cancel);
            }
        }, Cancel);
        var watcher = Task.Run(async () =>
        {
            using var anonymous = new HttpClient { BaseAddress = own.Address, Timeout = TimeSpan.FromSeconds(30) };
            while (!stop.IsCancellationRequested)
            {
                health.Enqueue(await AnswerOfAsync(clock, () => anonymous.GetAsync(new Uri("/health", UriKind.Relative), Cancel)));
                await Task.Delay(100, Cancel);
            }
        }, Cancel);

        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        var down = clock.Elapsed;
        await own.Postgres.StopServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        await own.Postgres.StartServerAsync();
        var up = clock.Elapsed;

        // Service resumes by itself: health green and writes going in again, within 30 s of PostgreSQL's return.
        while (!(health.Any(h => h.At > up && h.Status == 200) && writes.Values.Count(w => w.At > up && w.Status == 200) >= 5))
        {
            Assert.True(clock.Elapsed - up < TimeSpan.FromSeconds(30), $"no service 30 s after PostgreSQL started again: health {Describe(health.Where(h => h.At > up))}; writes {Describe(writes.Values.Where(w => w.At > up))}");
            await Task.Delay(200, Cancel);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writer, reader, watcher);
        Assert.False(own.App.HasExited, "the app stopped");
        Assert.Equal(process, own.App.Id);

        // Health: green, red naming the store, green.
        Assert.Contains(health, h => h.At < down && h.Status == 200);
        Assert.Contains(health, h => h.At > down && h.At < up && h.Status == 503 && h.Body.Contains("store", StringComparison.Ordinal));
        Assert.Contains(health, h => h.At > up && h.Status == 200);

        // The outage was felt, and every request it broke failed cleanly: a 5xx problem, never a dropped connection.
        var failed = writes.Where(w => w.Value.Status != 200).ToList();
        Assert.True(failed.Count > 0, "no write failed while PostgreSQL was down: the outage was not tested");
        Assert.All(failed.Select(w => w.Value).Concat(reads.Where(r => r.Status != 200)), f =>
            Assert.True(f.Status >= 500 && f.ContentType == "application/problem+json", $"a request during the outage answered {f.Status} {f.ContentType} {f.Body}"));
        Assert.Contains(failed, w => w.Value.Status == 503);

        // Every write answered 200 is stored whole with its audit; a failed one is stored whole or not at all.
        // (This process's own pooled connections date from before the restart.)
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var check = StoreConnection.CreateContext(own.Postgres.Database);
        var stored = await StoredAsync(check);
        foreach (var (i, answer) in writes)
        {
            var values = stored.GetValueOrDefault(Commune(i)) ?? new Stored([], 0);
            if (answer.Status == 200)
            {
                Assert.Equal([1000.0 + i, 500.0 + i], values.Values.Order().Reverse().ToArray());
                Assert.Equal(2, values.Audit);
            }
            else
            {
                Assert.True(values.Values.Count is 0 or 2, $"write {i} failed ({answer.Status}) but {values.Values.Count} of its 2 values are stored");
                Assert.Equal(values.Values.Count, values.Audit);
            }
        }
    }

    [Fact]
    public async Task DiskFullWhileAttachingEvidence_TellsThePerson_StoresNothingOfTheFile_AndKeepsTheEarlierFiles()
    {
        if (!DedicatedPostgres.CanMount)
        {
            const string message = "filling a disk needs a tmpfs mounted by root; run the tests as root (CI does).";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message + " CI=true, so this fails rather than skips.");
            Assert.Skip(message);
        }

        await using (var db = StoreConnection.CreateContext(own.Postgres.Database))
        {
            await TemplateFiles.AddCommunesAsync(db, "79", "DSK", 1);
        }

        const string commune = "DSK0001";
        const string form = $"/data/CT749_COMMUNE/2025/{commune}";
        await own.RunAsync("users", "add", "--name", "minh.chung.dsk", "--password", TestAccounts.Password, "--role", "data-entry", "--unit", commune);
        var mount = await own.Postgres.GiveTinyDiskAsync("evidence", 8);
        using var browser = await SignedInBrowserAsync("minh.chung.dsk");
        using (var first = await browser.UploadAsync(await browser.PageAsync(form), form, "bien-ban.pdf", EvidenceSamples.Pdf))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var (filesBefore, historyBefore) = await EvidenceCountsAsync(commune);

        // Leave the table 64 KB: the next file, 2 MB of a PDF that does not compress, cannot fit.
        var filler = Path.Combine(mount, "filler");
        await using (var fill = File.Create(filler))
        {
            var free = new DriveInfo(mount).AvailableFreeSpace - (64 << 10);
            await fill.WriteAsync(new byte[free], Cancel);
        }

        var large = LargePdf(2 << 20);
        using var refused = await browser.UploadAsync(await browser.PageAsync(form), form, "bao-cao-lon.pdf", large);
        var page = await refused.ReadPageAsync(HttpStatusCode.InsufficientStorage);
        Assert.True(page.Alerts().Contains("Tệp 'bao-cao-lon.pdf' chưa được đính kèm: bộ nhớ của máy chủ đã đầy.", StringComparison.Ordinal), page.Body?.TextContent);
        Assert.Contains("hãy báo quản trị viên", page.Alerts(), StringComparison.Ordinal);
        Assert.Equal((filesBefore, historyBefore), await EvidenceCountsAsync(commune));
        Assert.Contains("No space left on device", own.Output, StringComparison.Ordinal); // what the operator reads in the log

        // The earlier file is intact, byte for byte.
        var link = (await browser.PageAsync(form)).QuerySelector("#evidence tbody a")!.GetAttribute("href")!;
        using (var download = await browser.GetStatusAsync(link, HttpStatusCode.OK))
        {
            Assert.Equal(SHA256.HashData(EvidenceSamples.Pdf), SHA256.HashData(await download.Content.ReadAsByteArrayAsync(Cancel)));
        }

        // Space freed, the same file goes in: the failure left nothing behind that gets in the way.
        File.Delete(filler);
        using var again = await browser.UploadAsync(await browser.PageAsync(form), form, "bao-cao-lon.pdf", large);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(filesBefore + 1, (await EvidenceCountsAsync(commune)).Files);
    }

    private static string Commune(int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PGR{i:D4}");

    private static async Task<Answer> AnswerOfAsync(Stopwatch clock, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            using var response = await send();
            return new Answer(clock.Elapsed, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Cancel));
        }
        catch (HttpRequestException exception)
        {
            return new Answer(clock.Elapsed, 0, null, exception.Message);
        }
    }

    private static string Describe(IEnumerable<Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{g.Count()}×{g.Key}"));

    private sealed record Answer(TimeSpan At, int Status, string? ContentType, string Body);

    private sealed record Stored(List<double> Values, int Audit);

    private static async Task<Dictionary<string, Stored>> StoredAsync(OpenDtiDbContext db)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(Cancel);
        var ids = units.Where(u => u.Code.Value.StartsWith("PGR", StringComparison.Ordinal)).ToDictionary(u => u.Id, u => u.Code.Value);
        var values = await db.DataValues.AsNoTracking().Where(v => ids.Keys.Contains(v.UnitId)).Select(v => new { v.UnitId, v.Value }).ToListAsync(Cancel);
        var audit = await db.ValueAudit.AsNoTracking().Where(a => ids.Keys.Contains(a.UnitId)).Select(a => a.UnitId).ToListAsync(Cancel);
        return ids.ToDictionary(
            u => u.Value,
            u => new Stored([.. values.Where(v => v.UnitId == u.Key).Select(v => v.Value)], audit.Count(a => a == u.Key)));
    }

    private async Task<(int Files, int History)> EvidenceCountsAsync(string commune)
    {
        await using var db = StoreConnection.CreateContext(own.Postgres.Database);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == new Domain.Geography.UnitCode(commune), Cancel);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.UnitId == unit.Id).Select(s => s.Id).ToListAsync(Cancel);
        return (await db.Evidence.CountAsync(e => submissions.Contains(e.SubmissionId), Cancel),
            await db.SubmissionEvents.CountAsync(e => submissions.Contains(e.SubmissionId), Cancel));
    }

    private static byte[] LargePdf(int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }

    private async Task<HttpClient> SignedInBrowserAsync(string user)
    {
        var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var browser = new HttpClient(handler, disposeHandler: true) { BaseAddress = own.Address };
        using var signIn = await browser.PostFormAsync("/account/sign-in", new() { ["UserName"] = user, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }
}
