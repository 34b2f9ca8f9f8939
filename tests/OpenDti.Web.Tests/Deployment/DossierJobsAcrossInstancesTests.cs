using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenDti.Domain.Dossiers;
using OpenDti.Dossiers.Synthetic;
using OpenDti.Features.Dossiers;
using OpenDti.Store;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// Dossier ingestion jobs on two instances that both look in one store for work: each job runs once, on one
/// instance, whichever received the upload; and a job whose instance is killed while it writes leaves all or
/// nothing of its file, is marked failed by the other instance (not left "running" forever), and the same file
/// uploaded again goes in whole.
/// </summary>
public sealed partial class DossierJobsAcrossInstancesTests(TwoInstancesBehindNginx two) : IClassFixture<TwoInstancesBehindNginx>
{
    private const string UserName = "nhap.ho.so.ca.nuoc";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JobsUploadedThroughOneInstance_EachRunOnce_AndTheOtherInstanceTakesItsShare()
    {
        const int Jobs = 6;
        const int Rows = 5000;
        await EnsureUserAsync();
        using var browser = await SignedInBrowserAsync(two.InstanceAddress(0));

        // Instance 0 runs its uploads one after another; meanwhile instance 1's look at the store finds them queued.
        var ids = new List<long>();
        for (var k = 0; k < Jobs; k++)
        {
            ids.Add(await UploadAsync(browser, Export(seed: 100 + k, Rows, $"J{k}"), $"viec-{k}.csv"));
        }

        var jobs = await WaitEndedAsync(ids);

        var claims = Claims(0).Select(id => (Id: id, Instance: 0)).Concat(Claims(1).Select(id => (Id: id, Instance: 1))).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"claims: {string.Join(", ", claims)}");
        await using var db = StoreConnection.CreateContext(two.Database);
        foreach (var job in jobs)
        {
            Assert.True(job.Status == DossierIngestionStatus.Succeeded, $"job {job.Id}: {job.Status} {job.Message}");
            Assert.Equal(Rows, job.RowsRead);
            Assert.Equal(Rows, await db.DossierStates.CountAsync(s => s.IngestionId == job.Id, Cancel));
            var ranOn = claims.Where(c => c.Id == job.Id).Select(c => c.Instance).ToList();
            Assert.True(ranOn.Count == 1, $"job {job.Id} was claimed {ranOn.Count} times (instances {string.Join(", ", ranOn)})");
        }

        var share = claims.Where(c => ids.Contains(c.Id)).GroupBy(c => c.Instance).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(share.Count == 2, $"only instance {string.Join(", ", share.Keys)} ran jobs: the other never took up queued work from the store");
    }

    [Fact]
    public async Task InstanceKilledWhileIngesting_LeavesAllOrNothing_TheOtherMarksTheJobFailed_AndTheRerunCompletes()
    {
        const int Rows = 100_000;
        await EnsureUserAsync();
        var file = Export(seed: 7, Rows, "K");
        using var browser = await SignedInBrowserAsync(two.InstanceAddress(0));
        var auditBefore = await IngestionAuditAsync();

        var id = await UploadAsync(browser, file, "ho-so-lon.csv");

        // Wait for the writing (the whole file read and checked, the transaction begun), then pull the plug on whoever runs it.
        var victim = await WaitForWritingAsync(id);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Cancel);
        await two.KillAsync(victim);
        var survivor = 1 - victim;
        try
        {
            var states = await StatesAsync("K");
            var killed = await JobAsync(id);
            Assert.True(killed.Status != DossierIngestionStatus.Succeeded, "the ingestion finished before the kill: this run proves nothing about a kill mid-ingestion");
            Assert.True(states is 0 or Rows, $"{states} dossiers of the file stored after the kill: a part of the file was kept");
            if (states == 0)
            {
                Assert.Equal(auditBefore, await IngestionAuditAsync());
            }

            // Not "running" forever: the surviving instance sees the runner's lease gone and marks the job failed.
            var ended = (await WaitEndedAsync([id])).Single();
            Assert.Equal(DossierIngestionStatus.Failed, ended.Status);
            Assert.Equal(DossierIngestWorker.InterruptedMessage, ended.Message);
            Assert.True(await two.WaitForOutputAsync(survivor, $"Dossier ingestion {id} was left running by a stopped instance"),
                $"instance {survivor} never logged taking over the job; its output: {string.Join('\n', two.Output(survivor).TakeLast(20))}");

            // The same file again, through the survivor: all of it, exactly once.
            using var again = await SignedInBrowserAsync(two.InstanceAddress(survivor));
            var rerun = (await WaitEndedAsync([await UploadAsync(again, file, "ho-so-lon.csv")])).Single();
            Assert.True(rerun.Status == DossierIngestionStatus.Succeeded, $"{rerun.Status}: {rerun.Message}");
            Assert.Equal(Rows, rerun.RowsRead);
            Assert.Equal(Rows, await StatesAsync("K"));
            await using var db = StoreConnection.CreateContext(two.Database);
            Assert.Equal(Rows, await db.DossierStates.CountAsync(s => s.IngestionId == rerun.Id, Cancel));
        }
        finally
        {
            await two.RestartAsync(victim);
        }
    }

    /// <summary>A synthetic export over the 34 provinces, its dossier ids starting with <paramref name="prefix"/> so that files never share a dossier.</summary>
    private static byte[] Export(int seed, int rows, string prefix)
    {
        using var stream = new MemoryStream();
        new SyntheticExport(seed) { Procedures = 200, Units = 34 }.WriteDossiers(stream, rows);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        return Encoding.UTF8.GetBytes(DossierId().Replace(text, prefix + "H"));
    }

    private async Task EnsureUserAsync()
    {
        await using (var db = StoreConnection.CreateContext(two.Database))
        {
            if (await db.Users.AnyAsync(u => u.UserName == UserName, Cancel))
            {
                return;
            }
        }

        await two.RunAsync("users", "add", "--name", UserName, "--password", TestAccounts.Password, "--role", "data-entry", "--unit", "VN");
    }

    private static async Task<HttpClient> SignedInBrowserAsync(Uri instance)
    {
        var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var browser = new HttpClient(handler, disposeHandler: true) { BaseAddress = instance, Timeout = TimeSpan.FromMinutes(5) };
        using var signIn = await browser.PostFormAsync("/account/sign-in", new() { ["UserName"] = UserName, ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>Uploads through the page as a person does; returns the queued job's id from where the page sends them.</summary>
    private static async Task<long> UploadAsync(HttpClient browser, byte[] content, string fileName)
    {
        var html = await browser.GetStringAsync(new Uri("/dossiers", UriKind.Relative), Cancel);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "no antiforgery token on /dossiers");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        using var response = await browser.PostAsync(new Uri("/dossiers", UriKind.Relative), form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = JobPattern().Match(response.Headers.Location!.OriginalString);
        Assert.True(job.Success, $"the upload led to {response.Headers.Location}");
        return long.Parse(job.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<DossierIngestion>> WaitEndedAsync(IReadOnlyList<long> ids)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var db = StoreConnection.CreateContext(two.Database);
            var jobs = await db.DossierIngestions.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(Cancel);
            if (jobs.All(j => j.Status is DossierIngestionStatus.Succeeded or DossierIngestionStatus.Failed))
            {
                return jobs;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(4), $"jobs still waiting or running after 4 minutes: {string.Join(", ", jobs.Where(j => j.Status is DossierIngestionStatus.Queued or DossierIngestionStatus.Running).Select(j => $"{j.Id} {j.Status}"))}");
            await Task.Delay(250, Cancel);
        }
    }

    /// <summary>Waits until job <paramref name="id"/> is writing and returns the instance that claimed it.</summary>
    private async Task<int> WaitForWritingAsync(long id)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var job = await JobAsync(id);
            Assert.True(job.Status is DossierIngestionStatus.Queued or DossierIngestionStatus.Running, $"the job ended before the kill: {job.Status} {job.Message}");
            if (job.Status == DossierIngestionStatus.Running && await IsWritingAsync())
            {
                var runners = Enumerable.Range(0, 2).Where(i => Claims(i).Contains(id)).ToList();
                if (runners.Count == 1)
                {
                    return runners[0];
                }
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(3), $"job {id} did not start writing within 3 minutes ({job.Status}, {job.BytesRead} of {job.TotalBytes} bytes)");
            await Task.Delay(50, Cancel);
        }
    }

    /// <summary>Whether an ingestion holds the writing turn (its transaction has begun writing): the advisory lock (0x44534A42, 0) of <c>DossierJobLease</c>.</summary>
    private async Task<bool> IsWritingAsync()
    {
        await using var connection = new NpgsqlConnection(two.Database);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND l.classid = 1146309186 AND l.objid = 0 AND l.objsubid = 2 AND l.granted",
            connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task<DossierIngestion> JobAsync(long id)
    {
        await using var db = StoreConnection.CreateContext(two.Database);
        return await db.DossierIngestions.AsNoTracking().SingleAsync(i => i.Id == id, Cancel);
    }

    private async Task<int> StatesAsync(string prefix)
    {
        await using var db = StoreConnection.CreateContext(two.Database);
        return await db.DossierStates.CountAsync(s => s.DossierId.StartsWith(prefix), Cancel);
    }

    private async Task<int> IngestionAuditAsync()
    {
        await using var db = StoreConnection.CreateContext(two.Database);
        return await db.ValueAudit.CountAsync(a => a.Actor.Channel == Domain.Values.ValueSources.Ingestion, Cancel);
    }

    /// <summary>The ids of the jobs instance <paramref name="index"/> logged as claimed.</summary>
    private List<long> Claims(int index) =>
        [.. two.Output(index).Select(line => ClaimPattern().Match(line)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("^H(?=[0-9A-Z]+-)", RegexOptions.Multiline)]
    private static partial Regex DossierId();

    [GeneratedRegex(@"Dossier ingestion (\d+) claimed by instance")]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"job=(\d+)")]
    private static partial Regex JobPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
