using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Store;
using OpenDti.Web.Tests.Cli;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Dossiers;

/// <summary>
/// <c>dossiers ingest</c> through its three doors — the command line, the API with an API key, the upload page —
/// on SQLite and PostgreSQL: the stored state, the KPI values it gives, and what is refused.
/// </summary>
public abstract partial class DossierIngestTests(OpenDtiApp app) : IDisposable
{
    private static readonly string[] Measures =
        ["PUBLIC_DOSSIERS_RECEIVED", "PUBLIC_DOSSIERS_RECEIVED_ONLINE", "PUBLIC_DOSSIERS_RESOLVED", "PUBLIC_DOSSIERS_RESOLVED_ON_TIME", "PUBLIC_DOSSIERS_OVERDUE_OPEN"];

    // Every measure the ingestion writes: the counts above, the processing days, the full-online procedures.
    private static readonly string[] AllMeasures =
        [.. Measures, "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEAN", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEDIAN", "PUBLIC_FULL_ONLINE_PROCEDURES", "PUBLIC_FULL_ONLINE_PROCEDURES_USED"];

    private static readonly Period September = Period.OfMonth(2025, 9);

    private readonly string _dir = Directory.CreateTempSubdirectory("opendti-ingest-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Cli_SameFileTwice_CountsOnce()
    {
        await ResetAsync();
        var file = Write("a.csv", DossierFiles.First);

        var first = await CliResult.RunAsync("dossiers", "ingest", "--input", file, "--db", app.ConnectionString);
        var auditAfterFirst = await AuditCountAsync();
        var second = await CliResult.RunAsync("dossiers", "ingest", "--input", file, "--db", app.ConnectionString);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("ingested before", second.Error, StringComparison.Ordinal);
        Assert.Equal(new long[] { 2, 1, 1, 1, 1 }, await SeptemberAsync("01"));
        Assert.Equal(new long[] { 1, 1, 1, 0, 0 }, await SeptemberAsync("79"));
        Assert.Equal(auditAfterFirst, await AuditCountAsync());
        await using var db = app.OpenContext();
        Assert.Equal(3, await db.DossierStates.CountAsync(Cancel));
    }

    [Fact]
    public async Task Cli_LaterExportWithNewStatuses_ReplacesTheEarlierState()
    {
        await ResetAsync();

        await CliResult.RunAsync("dossiers", "ingest", Write("sept.csv", DossierFiles.First), "--db", app.ConnectionString);
        var later = await CliResult.RunAsync("dossiers", "ingest", Write("oct.csv", DossierFiles.Later), "--db", app.ConnectionString);

        Assert.True(later.ExitCode == 0, later.Error);
        Assert.Contains("1 hồ sơ mới / new dossiers, 1 cập nhật / replaced", later.Out, StringComparison.Ordinal);
        Assert.Equal(new long[] { 3, 1, 2, 2, 0 }, await SeptemberAsync("01"));
        await using var db = app.OpenContext();
        var replaced = await db.DossierStates.SingleAsync(d => d.DossierId == "HS-0002", Cancel);
        Assert.Equal("Đã trả kết quả", replaced.Status);
        Assert.Equal(4, await db.DossierStates.CountAsync(Cancel));
    }

    [Fact]
    public async Task Cli_MalformedRow_WritesNothing_AndNamesLineAndColumn()
    {
        await ResetAsync();

        var run = await CliResult.RunAsync("dossiers", "ingest", "--input", Write("bad.csv", DossierFiles.Malformed), "--db", app.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv, dòng / line 3, cột / column received_at", run.Error, StringComparison.Ordinal);
        Assert.Contains("31/02/2025 08:30", run.Error, StringComparison.Ordinal);
        await using var db = app.OpenContext();
        Assert.Equal(0, await db.DossierStates.CountAsync(Cancel));
        Assert.Equal(new long[] { 0, 0, 0, 0, 0 }, await SeptemberAsync("01"));
        Assert.Equal(DossierIngestionStatus.Failed, (await db.DossierIngestions.SingleAsync(Cancel)).Status);
    }

    [Fact]
    public async Task Cli_SkipInvalid_WritesTheRejectedRowsToASideFile()
    {
        await ResetAsync();

        var run = await CliResult.RunAsync("dossiers", "ingest", "--input", Write("bad.csv", DossierFiles.Malformed), "--skip-invalid", "--db", app.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("1 dòng lỗi đã bỏ qua / invalid rows skipped", run.Error, StringComparison.Ordinal);
        var side = await File.ReadAllLinesAsync(Path.Combine(_dir, "bad.rejected.csv"), Cancel);
        Assert.Equal("line,column,problem,expected,found,row", side[0]);
        Assert.StartsWith("3,received_at,dossiers.bad-date,", side[1], StringComparison.Ordinal);
        Assert.Equal(2, side.Length);

        // HS-0001 online, resolved on time; HS-0005 at the counter, open and due 12/9.
        Assert.Equal(new long[] { 2, 1, 1, 1, 1 }, await SeptemberAsync("01"));
    }

    [Fact]
    public async Task Cli_SkipInvalid_ARunThatFails_LeavesNoSideFile()
    {
        await ResetAsync();
        // A row that would be skipped, but a header without the unit column: the run is refused, and the side file begun for it goes.
        var file = Write("headless.csv", DossierFiles.Malformed.Replace("unit_code", "unit", StringComparison.Ordinal));

        var run = await CliResult.RunAsync("dossiers", "ingest", "--input", file, "--skip-invalid", "--db", app.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["headless.csv"], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ApiKeyOfTheProvince_Ingests_AndTheAuditSaysIngestion()
    {
        await ResetAsync();
        using var client = await KeyClientAsync("01");
        var auditBefore = await LastAuditIdAsync();

        using var response = await client.PostAsync("/api/v1/dossiers/ingestions?name=hanoi.csv", Csv(DossierFiles.HaNoiOnly), Cancel);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.Equal("succeeded", body.Text("status"));
        Assert.Equal(2, body.GetProperty("dossiersAdded").GetInt64());
        Assert.Equal(new long[] { 2, 1, 1, 1, 1 }, await SeptemberAsync("01"));
        await using var db = app.OpenContext();
        var audit = (await AuditAsync(db, "01")).Where(a => a.Id > auditBefore).ToList();
        Assert.Equal(5, audit.Count);
        Assert.All(audit, a => Assert.Equal(ValueSources.Ingestion, a.Actor.Channel));
        Assert.All(audit, a => Assert.NotNull(a.Actor.ApiKeyId));
        var values = await db.DataValues.Where(v => v.Period == September && v.UnitId == UnitId(db, "01")).ToListAsync(Cancel);
        Assert.All(values, v => Assert.Equal(ValueSources.Ingestion, v.Source));
    }

    [Fact]
    public async Task ApiKeyOfAnotherProvince_IsRefused_AndNothingIsWritten()
    {
        await ResetAsync();
        using var client = await KeyClientAsync("79");

        using var response = await client.PostAsync("/api/v1/dossiers/ingestions", Csv(DossierFiles.HaNoiOnly), Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Contains("01", problem.Text("detail"), StringComparison.Ordinal);
        await using var db = app.OpenContext();
        Assert.Equal(0, await db.DossierStates.CountAsync(Cancel));
        Assert.Equal(new long[] { 0, 0, 0, 0, 0 }, await SeptemberAsync("01"));
    }

    [Fact]
    public async Task Api_MalformedRow_Is422WithLineAndColumn()
    {
        await ResetAsync();
        using var client = await KeyClientAsync("01");

        using var response = await client.PostAsync("/api/v1/dossiers/ingestions?name=bad.csv", Csv(DossierFiles.Malformed), Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("received_at", error.Text("column"));
        Assert.Equal("dossiers.bad-date", error.Text("code"));
        await using var db = app.OpenContext();
        Assert.Equal(0, await db.DossierStates.CountAsync(Cancel));
    }

    [Fact]
    public async Task PageUpload_RunsAsAJob_AndShowsTheOutcome()
    {
        await ResetAsync();
        await EnsureUserAsync("dossiers-entry-01", Role.DataEntry, "01");
        using var browser = await app.SignedInBrowserAsync("dossiers-entry-01");

        using var posted = await PostUploadAsync(browser, DossierFiles.HaNoiOnly, "hanoi-thang-9.csv");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches("^/dossiers\\?job=[0-9]+$", location);
        var text = await WaitForJobPageAsync(browser, location);

        // Seven measures for Hà Nội in September, the five counts and the mean and median processing days (no catalogue
        // is stored, so no full-online procedures; the nation gets none: one province's file is not a national total).
        Assert.Contains("Hoàn tất: 2 dòng, 2 hồ sơ mới, 0 hồ sơ cập nhật, 7 giá trị đã ghi.", text, StringComparison.Ordinal);
        Assert.Equal(new long[] { 2, 1, 1, 1, 1 }, await SeptemberAsync("01"));
    }

    [Fact]
    public async Task PageUpload_OfAnotherProvincesDossiers_IsRefused()
    {
        await ResetAsync();
        await EnsureUserAsync("dossiers-entry-79", Role.DataEntry, "79");
        using var browser = await app.SignedInBrowserAsync("dossiers-entry-79");

        using var posted = await PostUploadAsync(browser, DossierFiles.HaNoiOnly, "hanoi.csv");

        var text = await WaitForJobPageAsync(browser, posted.Headers.Location!.OriginalString);
        Assert.Contains("Tệp bị từ chối, không ghi gì.", text, StringComparison.Ordinal);
        Assert.Equal(new long[] { 0, 0, 0, 0, 0 }, await SeptemberAsync("01"));
    }

    [Fact]
    public async Task Viewer_CannotOpenTheUploadPage()
    {
        await EnsureUserAsync("dossiers-viewer-01", Role.Viewer, "01");
        using var browser = await app.SignedInBrowserAsync("dossiers-viewer-01");

        using var response = await browser.GetAsync(new Uri("/dossiers", UriKind.Relative), Cancel);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("denied", response.Headers.Location?.OriginalString ?? "denied", StringComparison.OrdinalIgnoreCase);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content + "\n", new UTF8Encoding(false));
        return path;
    }

    private static StringContent Csv(string content) => new(content + "\n", Encoding.UTF8, "text/csv");

    /// <summary>The tests of a class share one store: each starts from no dossiers and no dossier values.</summary>
    private async Task ResetAsync()
    {
        await using var db = app.OpenContext();
        var codes = AllMeasures.Select(c => new MeasureCode(c)).ToList();
        var ids = await db.Measures.Where(m => codes.Contains(m.Code)).Select(m => m.Id).ToListAsync(Cancel);
        await db.DossierStates.ExecuteDeleteAsync(Cancel);
        await db.DossierIngestions.ExecuteDeleteAsync(Cancel);
        await db.DossierProcedures.ExecuteDeleteAsync(Cancel);
        await db.DataValues.Where(v => ids.Contains(v.MeasureId)).ExecuteDeleteAsync(Cancel);
    }

    private async Task<long[]> SeptemberAsync(string unit)
    {
        await using var db = app.OpenContext();
        var ids = await MeasureIdsAsync(db);
        var unitId = UnitId(db, unit);
        var values = await db.DataValues.Where(v => v.UnitId == unitId && v.Period == September && ids.Contains(v.MeasureId)).ToListAsync(Cancel);
        return [.. ids.Select(id => (long)(values.SingleOrDefault(v => v.MeasureId == id)?.Value ?? 0))];
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.OpenContext();
        var ids = await MeasureIdsAsync(db);
        return await db.ValueAudit.CountAsync(a => ids.Contains(a.MeasureId), Cancel);
    }

    // The audit trail is append-only: tests look at the entries made after a point.
    private async Task<long> LastAuditIdAsync()
    {
        await using var db = app.OpenContext();
        return await db.ValueAudit.MaxAsync(a => (long?)a.Id, Cancel) ?? 0;
    }

    private static async Task<List<ValueAudit>> AuditAsync(OpenDtiDbContext db, string unit)
    {
        var ids = await MeasureIdsAsync(db);
        var unitId = UnitId(db, unit);
        return await db.ValueAudit.Where(a => a.UnitId == unitId && a.Period == September && ids.Contains(a.MeasureId)).ToListAsync(Cancel);
    }

    private static async Task<List<int>> MeasureIdsAsync(OpenDtiDbContext db)
    {
        var codes = Measures.Select(c => new MeasureCode(c)).ToList();
        var byCode = await db.Measures.Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code.Value, m => m.Id, Cancel);
        return [.. Measures.Select(c => byCode[c])];
    }

    // The province in force in September 2025: the 34-province geography of 1 July 2025.
    private static int UnitId(OpenDtiDbContext db, string code) =>
        db.Units.Where(u => u.Code == new UnitCode(code) && u.ValidTo == null).Select(u => u.Id).Single();

    private async Task EnsureUserAsync(string name, string role, string unit)
    {
        await using var db = app.OpenContext();
        if (!await db.Users.AnyAsync(u => u.UserName == name, Cancel))
        {
            await app.AddUserAsync(name, role, unit);
        }
    }

    private async Task<HttpClient> KeyClientAsync(string unit)
    {
        var owner = $"dossiers-key-owner-{unit}";
        await EnsureUserAsync(owner, Role.DataEntry, unit);
        await using var db = app.OpenContext();
        var userId = await db.Users.Where(u => u.UserName == owner).Select(u => u.Id).SingleAsync(Cancel);
        var (prefix, secret, text) = ApiKey.Generate();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var key = new ApiKey
        {
            UserId = userId,
            Name = "Hệ thống một cửa của tỉnh",
            Prefix = prefix,
            SecretHash = ApiKey.HashSecret(secret),
            Role = Role.DataEntry,
            CreatedAtUtc = now.AddDays(-1),
            ExpiresAtUtc = now.AddDays(30),
        };
        key.Units.Add(new ApiKeyUnit { UnitId = UnitId(db, unit) });
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(Cancel);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", text);
        return client;
    }

    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient browser, string content, string fileName)
    {
        var html = await browser.GetStringAsync(new Uri("/dossiers", UriKind.Relative), Cancel);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "no antiforgery token on /dossiers");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content + "\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await browser.PostAsync(new Uri("/dossiers", UriKind.Relative), form, Cancel);
    }

    /// <summary>Reloads the job's page as the browser does (it says Refresh while the job runs) until the job ends.</summary>
    private static async Task<string> WaitForJobPageAsync(HttpClient browser, string location)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await browser.GetAsync(new Uri(location, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (!response.Headers.Contains("Refresh"))
            {
                return PageForms.VisibleText(await response.Content.ReadAsStringAsync(Cancel));
            }

            await Task.Delay(100, Cancel);
        }

        Assert.Fail($"the job at {location} did not end");
        return string.Empty;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Collection(nameof(ConsoleCapture))]
    public sealed class OnSqlite(OpenDtiApp app) : DossierIngestTests(app), IClassFixture<OpenDtiApp>;

    [Collection(nameof(ConsoleCapture))]
    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : DossierIngestTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
