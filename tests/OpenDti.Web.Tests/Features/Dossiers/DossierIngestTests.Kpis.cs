using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Dossiers;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Values;
using OpenDti.Features.Dossiers;
using OpenDti.Store;
using OpenDti.Web.Tests.Cli;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Dossiers;

/// <summary>
/// The stored KPIs besides the counts (processing days, full-online procedures against the stored catalogue), what
/// a repeated ingestion leaves untouched, and jobs that were interrupted — on SQLite and PostgreSQL.
/// </summary>
public abstract partial class DossierIngestTests
{
    /// <summary>1.001234 and 2.000567 full online, 3.000001 partly: two full-online procedures.</summary>
    private const string Catalogue = """
        procedure_code,name,sector,service_level
        1.001234,"Cấp giấy phép xây dựng, nhà ở riêng lẻ",Xây dựng,toàn trình
        2.000567,Đăng ký khai sinh,Hộ tịch,4
        3.000001,Cấp phiếu lý lịch tư pháp,Tư pháp,một phần
        """;

    [Fact]
    public async Task Cli_Catalogue_IsStored_AndCountsTheFullOnlineProceduresOfEveryUnit()
    {
        await ResetAsync();
        await CliResult.RunAsync("dossiers", "ingest", Write("sept.csv", DossierFiles.First), "--db", app.ConnectionString);
        var withoutCatalogue = await ValueAsync("01", "PUBLIC_FULL_ONLINE_PROCEDURES");

        // The later export is Hà Nội's only; the new catalogue recounts Hồ Chí Minh City's month too.
        var run = await CliResult.RunAsync("dossiers", "ingest", "--input", Write("oct.csv", DossierFiles.Later), "--catalogue", Write("cat.csv", Catalogue), "--db", app.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Null(withoutCatalogue);
        Assert.Equal(2, await ValueAsync("01", "PUBLIC_FULL_ONLINE_PROCEDURES"));
        Assert.Equal(1, await ValueAsync("01", "PUBLIC_FULL_ONLINE_PROCEDURES_USED")); // 1.001234 online (HS-0001); HS-0002 and HS-0004 not online
        Assert.Equal(2, await ValueAsync("79", "PUBLIC_FULL_ONLINE_PROCEDURES"));
        Assert.Equal(1, await ValueAsync("79", "PUBLIC_FULL_ONLINE_PROCEDURES_USED")); // 2.000567 online (HS-0003)
        await using var db = app.OpenContext();
        Assert.Equal(["1.001234", "2.000567"], await db.DossierProcedures.Where(p => p.IsFullOnline).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(Cancel));
        Assert.Equal("cat.csv", (await db.DossierIngestions.OrderBy(i => i.Id).LastAsync(Cancel)).CatalogueFileName);
    }

    [Fact]
    public async Task Cli_LaterIngestionWithoutCatalogue_UsesTheStoredOne()
    {
        await ResetAsync();
        await CliResult.RunAsync("dossiers", "ingest", "--input", Write("hanoi.csv", DossierFiles.HaNoiOnly), "--catalogue", Write("cat.csv", Catalogue), "--db", app.ConnectionString);

        var run = await CliResult.RunAsync("dossiers", "ingest", "--input", Write("hcm.csv", DossierFiles.First), "--db", app.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, await ValueAsync("79", "PUBLIC_FULL_ONLINE_PROCEDURES"));
        Assert.Equal(1, await ValueAsync("79", "PUBLIC_FULL_ONLINE_PROCEDURES_USED"));
    }

    [Fact]
    public async Task Cli_BadCatalogue_WritesNothing_AndNamesFileLineAndColumn()
    {
        await ResetAsync();
        var catalogue = Write("cat.csv", Catalogue + "\n4.000002,Thủ tục thử,Thử,mức độ 5");

        var run = await CliResult.RunAsync("dossiers", "ingest", "--input", Write("sept.csv", DossierFiles.First), "--catalogue", catalogue, "--db", app.ConnectionString);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cat.csv, dòng / line 5, cột / column service_level: cần / expected full, partial", run.Error, StringComparison.Ordinal);
        Assert.Contains("\"mức độ 5\"", run.Error, StringComparison.Ordinal);
        await using var db = app.OpenContext();
        Assert.Equal(0, await db.DossierStates.CountAsync(Cancel));
        Assert.Equal(0, await db.DossierProcedures.CountAsync(Cancel));
        Assert.Equal(new long[] { 0, 0, 0, 0, 0 }, await SeptemberAsync("01"));
    }

    [Fact]
    public async Task ApiKeyOfAProvince_CannotReplaceTheSharedCatalogue_AndNothingIsWritten()
    {
        await ResetAsync();
        using var client = await KeyClientAsync("01");
        using var form = new MultipartFormDataContent();
        form.Add(CsvPart(DossierFiles.HaNoiOnly), "file", "hanoi.csv");
        form.Add(CsvPart(Catalogue), "catalogue", "cat.csv");

        using var response = await client.PostAsync("/api/v1/dossiers/ingestions", form, Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Equal("catalogue.forbidden", problem.GetProperty("errors")[0].Text("code"));
        Assert.Contains("needs data-entry rights for the nation", problem.Text("detail"), StringComparison.Ordinal);
        await using var db = app.OpenContext();
        Assert.Equal(0, await db.DossierStates.CountAsync(Cancel));
        Assert.Equal(0, await db.DossierProcedures.CountAsync(Cancel));
    }

    [Fact]
    public async Task ApiKeyOfAProvince_MaySendTheStoredCatalogueAgain_AsMultipart()
    {
        await ResetAsync();
        await CliResult.RunAsync("dossiers", "ingest", "--input", Write("hcm.csv", DossierFiles.First), "--catalogue", Write("cat.csv", Catalogue), "--db", app.ConnectionString);
        using var client = await KeyClientAsync("01");
        using var form = new MultipartFormDataContent();
        form.Add(CsvPart(DossierFiles.Later), "file", "oct.csv");
        form.Add(CsvPart(Catalogue), "catalogue", "cat.csv");

        using var response = await client.PostAsync("/api/v1/dossiers/ingestions", form, Cancel);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.Equal("oct.csv", body.Text("fileName"));
        Assert.Equal("cat.csv", body.Text("catalogueFileName"));
        Assert.Equal(new long[] { 3, 1, 2, 2, 0 }, await SeptemberAsync("01"));
        Assert.Equal(2, await ValueAsync("01", "PUBLIC_FULL_ONLINE_PROCEDURES"));
    }

    [Fact]
    public async Task PageUpload_WithACatalogue_StoresIt_AndTheJobNamesIt()
    {
        await ResetAsync();
        await EnsureUserAsync("dossiers-entry-vn", Role.DataEntry, "VN");
        using var browser = await app.SignedInBrowserAsync("dossiers-entry-vn");
        var html = await browser.GetStringAsync(new Uri("/dossiers", UriKind.Relative), Cancel);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value)), "__RequestVerificationToken");
        form.Add(CsvPart(DossierFiles.First), "file", "thang-9.csv");
        form.Add(CsvPart(Catalogue), "catalogue", "danh-muc.csv");

        using var posted = await browser.PostAsync(new Uri("/dossiers", UriKind.Relative), form, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var text = await WaitForJobPageAsync(browser, posted.Headers.Location!.OriginalString);
        Assert.Contains("Kèm danh mục thủ tục danh-muc.csv", text, StringComparison.Ordinal);
        Assert.Contains("Hoàn tất: 3 dòng", text, StringComparison.Ordinal);
        Assert.Equal(2, await ValueAsync("79", "PUBLIC_FULL_ONLINE_PROCEDURES"));
        Assert.Equal(1, await ValueAsync("79", "PUBLIC_FULL_ONLINE_PROCEDURES_USED"));
    }

    [Fact]
    public async Task ProcessingDays_AreTheMeanAndTheExactMedianOverTheDossiersUnderAUnit()
    {
        await ResetAsync();
        await EnsureCommuneAsync("90001", "Xã Thử Nghiệm Một");
        await EnsureCommuneAsync("90002", "Xã Thử Nghiệm Hai");

        // 90001: 1, 2 and 3 days (median 2); 90002: 10 days (median 10). Hà Nội: {1, 2, 3, 10} days, median (2 + 3) / 2
        // = 2.5 (the mean of the communes' medians would be 6), mean 16 / 4 = 4.
        var run = await CliResult.RunAsync("dossiers", "ingest", Write("communes.csv", DossierFiles.Header + """

            HS-C1,1.001234,90001,online,2025-09-01 08:00:00,2025-09-30 17:00:00,2025-09-02 08:00:00,Đã trả kết quả
            HS-C2,1.001234,90001,online,2025-09-01 08:00:00,2025-09-30 17:00:00,2025-09-03 08:00:00,Đã trả kết quả
            HS-C3,1.001234,90001,counter,2025-09-01 08:00:00,2025-09-30 17:00:00,2025-09-04 08:00:00,Đã trả kết quả
            HS-C4,2.000567,90002,online,2025-09-01 08:00:00,2025-09-30 17:00:00,2025-09-11 08:00:00,Đã trả kết quả
            """), "--db", app.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, await ValueAsync("90001", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEDIAN"));
        Assert.Equal(10, await ValueAsync("90002", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEDIAN"));
        Assert.Equal(2.5, await ValueAsync("01", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEDIAN"));
        Assert.Equal(4, await ValueAsync("01", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEAN"));
        Assert.Equal(2, await ValueAsync("90001", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEAN"));
    }

    [Fact]
    public async Task StoredValues_AreThoseOfTheKpiFile_ForTheSameExportAndCatalogue()
    {
        await ResetAsync();
        await EnsureCommuneAsync("90001", "Xã Thử Nghiệm Một");
        await EnsureCommuneAsync("90002", "Xã Thử Nghiệm Hai");
        var random = new Random(20250901);
        var lines = new List<string> { DossierFiles.Header };
        string[] units = ["01", "90001", "90002"];
        string[] procedures = ["1.001234", "2.000567", "3.000001", "9.999999"];
        string[] channels = ["online", "counter", "postal"];
        for (var i = 0; i < 240; i++)
        {
            var received = new DateTime(2025, 9, 1, 7, 0, 0, DateTimeKind.Unspecified).AddSeconds(random.Next(0, 29 * 86_400));
            var due = received.AddDays(random.Next(1, 15));
            var finished = random.Next(5) == 0 ? "" : received.AddSeconds(random.Next(0, 20 * 86_400)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            lines.Add(string.Join(',', $"HS-R{i:D4}", procedures[random.Next(procedures.Length)], units[random.Next(units.Length)], channels[random.Next(channels.Length)],
                received.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), due.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), finished, "Đang xử lý"));
        }

        var export = Write("random.csv", string.Join('\n', lines));
        var catalogue = Write("cat.csv", Catalogue);
        var kpiPath = Path.Combine(_dir, "kpis.csv");
        var kpis = await CliResult.RunAsync("dossiers", "kpis", "--input", export, "--catalogue", catalogue, "--units", Write("units.csv", "code,parent_code\n01,VN\n90001,01\n90002,01"), "--out", kpiPath);

        var ingest = await CliResult.RunAsync("dossiers", "ingest", "--input", export, "--catalogue", catalogue, "--db", app.ConnectionString);

        Assert.True(kpis.ExitCode == 0, kpis.Error);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var rows = (await File.ReadAllLinesAsync(kpiPath, Cancel)).Select(l => l.Split(',')).ToList();
        var column = rows[0].Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        (string Column, string Measure)[] pairs =
        [
            ("received", "PUBLIC_DOSSIERS_RECEIVED"), ("received_online", "PUBLIC_DOSSIERS_RECEIVED_ONLINE"), ("resolved", "PUBLIC_DOSSIERS_RESOLVED"),
            ("resolved_on_time", "PUBLIC_DOSSIERS_RESOLVED_ON_TIME"), ("overdue_open", "PUBLIC_DOSSIERS_OVERDUE_OPEN"),
            ("avg_processing_days", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEAN"), ("median_processing_days", "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEDIAN"),
            ("full_online_procedures", "PUBLIC_FULL_ONLINE_PROCEDURES"), ("full_online_procedures_with_online_dossier", "PUBLIC_FULL_ONLINE_PROCEDURES_USED"),
        ];
        foreach (var unit in units)
        {
            var row = rows.Single(r => r[column["unit_code"]] == unit && r[column["month"]] == "2025-09");
            foreach (var (name, measure) in pairs)
            {
                var expected = double.Parse(row[column[name]], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(expected == await ValueAsync(unit, measure), $"{unit} {measure}: file {expected}, stored {await ValueAsync(unit, measure)}");
            }
        }
    }

    [Fact]
    public async Task KpisCommand_PutsItsTemporaryFilesWhereTold_AndATemporaryFolderThatCannotBeUsed_IsNamedWithWhatToDo()
    {
        var export = Write("few.csv", DossierFiles.First);
        var scratch = Directory.CreateDirectory(Path.Combine(_dir, "scratch")).FullName;
        var notAFolder = Write("not-a-folder", "x");
        var written = Path.Combine(_dir, "kpis-scratch.csv");
        var never = Path.Combine(_dir, "kpis-never.csv");

        var done = await CliResult.RunAsync("dossiers", "kpis", "--input", export, "--out", written, "--temp-dir", scratch);
        var refused = await CliResult.RunAsync("dossiers", "kpis", "--input", export, "--out", never, "--temp-dir", notAFolder);

        Assert.True(done.ExitCode == 0, done.Error);
        Assert.True(File.Exists(written));
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(notAFolder, refused.Error, StringComparison.Ordinal);
        Assert.Contains("--temp-dir", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(never));
    }

    [Fact]
    public async Task SameFileAgain_RewritesNoDossierStateAndNoValue_AndAChangeIsAuditedOnce()
    {
        await ResetAsync();
        var file = Write("sept.csv", DossierFiles.First);
        await CliResult.RunAsync("dossiers", "ingest", "--input", file, "--db", app.ConnectionString);
        var statesBefore = await StateVersionsAsync();
        var valuesBefore = await ValueVersionsAsync();
        var auditBefore = await LastAuditIdAsync();

        var again = await CliResult.RunAsync("dossiers", "ingest", "--input", file, "--db", app.ConnectionString);
        var statesAgain = await StateVersionsAsync();
        var valuesAgain = await ValueVersionsAsync();
        var auditAgain = await LastAuditIdAsync();
        await CliResult.RunAsync("dossiers", "ingest", "--input", Write("oct.csv", DossierFiles.Later), "--db", app.ConnectionString);

        Assert.Contains($"0 hồ sơ mới / new dossiers, 0 cập nhật / replaced, {statesBefore.Count} không đổi / unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(statesBefore, statesAgain);
        Assert.Equal(valuesBefore, valuesAgain);
        Assert.Equal(auditBefore, auditAgain);
        var statesLater = await StateVersionsAsync();
        Assert.Equal(statesBefore["HS-0001"], statesLater["HS-0001"]);
        Assert.NotEqual(statesBefore["HS-0002"], statesLater["HS-0002"]);
        await using var db = app.OpenContext();
        var received = await db.Measures.Where(m => m.Code == new MeasureCode("PUBLIC_DOSSIERS_RECEIVED")).Select(m => m.Id).SingleAsync(Cancel);
        var unitId = UnitId(db, "01");
        var change = Assert.Single(await db.ValueAudit.Where(a => a.Id > auditAgain && a.UnitId == unitId && a.MeasureId == received && a.Period == September).ToListAsync(Cancel));
        Assert.Equal((2.0, 3.0), (change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task StaleRunningJob_IsMarkedFailed_AndThePageSaysToUploadAgain()
    {
        await ResetAsync();
        await EnsureUserAsync("dossiers-entry-01", Role.DataEntry, "01");
        using var browser = await app.SignedInBrowserAsync("dossiers-entry-01");
        long id;
        await using (var db = app.OpenContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "dossiers-entry-01", Cancel);
            var now = app.Time.GetUtcNow().UtcDateTime;

            // What an app stopped in the middle of a job leaves: the job running, its last heartbeat minutes ago.
            var job = new DossierIngestion
            {
                FileName = "hanoi.csv",
                Sha256 = new string('0', 64),
                Status = DossierIngestionStatus.Running,
                Channel = ValueSources.Upload,
                ActorName = user.UserName!,
                UserId = user.Id,
                TotalBytes = 100,
                BytesRead = 40,
                CreatedAtUtc = now.AddMinutes(-10),
                StartedAtUtc = now.AddMinutes(-10),
                HeartbeatAtUtc = now.AddMinutes(-3),
            };
            db.DossierIngestions.Add(job);
            await db.SaveChangesAsync(Cancel);
            id = job.Id;
        }

        var failed = await app.Services.GetRequiredService<DossierIngestWorker>().FailStaleAsync(Cancel);

        Assert.Equal(1, failed);
        var text = await WaitForJobPageAsync(browser, $"/dossiers?job={id}");
        Assert.Contains("Bị gián đoạn: ứng dụng đã dừng khi đang nạp tệp này. Không ghi gì. Hãy tải tệp lên lại.", text, StringComparison.Ordinal);
        await using var db2 = app.OpenContext();
        var stored = await db2.DossierIngestions.SingleAsync(i => i.Id == id, Cancel);
        Assert.Equal((DossierIngestionStatus.Failed, DossierIngestWorker.InterruptedMessage), (stored.Status, stored.Message));
    }

    [Fact]
    public async Task AppStart_MarksTheJobsOfAStoppedAppFailed()
    {
        await ResetAsync();
        long id;
        await using (var db = app.OpenContext())
        {
            var now = app.Time.GetUtcNow().UtcDateTime;
            var job = new DossierIngestion
            {
                FileName = "dung-giua-chung.csv",
                Sha256 = new string('2', 64),
                Status = DossierIngestionStatus.Running,
                Channel = ValueSources.Upload,
                ActorName = "người thử",
                CreatedAtUtc = now.AddMinutes(-5),
                HeartbeatAtUtc = now.AddMinutes(-4),
            };
            db.DossierIngestions.Add(job);
            await db.SaveChangesAsync(Cancel);
            id = job.Id;
        }

        // Another start of the application on the same store (as after a stop): its worker looks for such jobs first.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        _ = restarted.Services;

        string? status = null;
        for (var attempt = 0; attempt < 100 && status != DossierIngestionStatus.Failed; attempt++)
        {
            await Task.Delay(100, Cancel);
            await using var db = app.OpenContext();
            status = await db.DossierIngestions.Where(i => i.Id == id).Select(i => i.Status).SingleAsync(Cancel);
        }

        Assert.Equal(DossierIngestionStatus.Failed, status);
    }

    [Fact]
    public async Task FreshRunningJob_IsLeftRunning()
    {
        await ResetAsync();
        await using var db = app.OpenContext();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var job = new DossierIngestion
        {
            FileName = "running.csv",
            Sha256 = new string('1', 64),
            Status = DossierIngestionStatus.Running,
            Channel = ValueSources.Upload,
            ActorName = "người thử",
            CreatedAtUtc = now.AddMinutes(-30),
            HeartbeatAtUtc = now.AddSeconds(-20),
        };
        db.DossierIngestions.Add(job);
        await db.SaveChangesAsync(Cancel);

        var failed = await app.Services.GetRequiredService<DossierIngestWorker>().FailStaleAsync(Cancel);

        Assert.Equal(0, failed);
        await using var check = app.OpenContext();
        Assert.Equal(DossierIngestionStatus.Running, (await check.DossierIngestions.SingleAsync(i => i.Id == job.Id, Cancel)).Status);
    }

    [Fact]
    public async Task JobMarkedFailedWhileItWrites_RollsBack_AndNothingOfTheFileIsKept()
    {
        await ResetAsync();
        var path = Write("sept.csv", DossierFiles.First);
        await using var scope = app.Services.CreateAsyncScope();
        var ingest = scope.ServiceProvider.GetRequiredService<DossierIngest>();
        var actor = new Actor { Name = "người thử", Channel = ValueSources.Ingestion };
        var ingestion = await ingest.CreateAsync(path, "sept.csv", ValueSources.Cli, actor, false, DossierIngestionStatus.Running, Cancel);

        // As when another instance finds its heartbeat stale between the checking and the writing pass.
        var result = await ingest.RunAsync(ingestion, new DossierIngestRequest
        {
            Path = path,
            FileName = "sept.csv",
            CataloguePath = Write("cat.csv", Catalogue),
            RecordedAs = actor,
            OnPhase = phase =>
            {
                if (phase == "writing")
                {
                    using var other = app.OpenContext();
                    other.DossierIngestions.Where(i => i.Id == ingestion.Id).ExecuteUpdate(s => s.SetProperty(i => i.Status, DossierIngestionStatus.Failed));
                }
            },
        }, Cancel);

        Assert.Equal(DossierIngestOutcome.Conflict, result.Outcome);
        await using var db = app.OpenContext();
        Assert.Equal(0, await db.DossierStates.CountAsync(Cancel));
        Assert.Equal(0, await db.DossierProcedures.CountAsync(Cancel));
        Assert.Equal(new long[] { 0, 0, 0, 0, 0 }, await SeptemberAsync("01"));
        Assert.Equal(DossierIngestionStatus.Failed, (await db.DossierIngestions.SingleAsync(i => i.Id == ingestion.Id, Cancel)).Status);
    }

    private static ByteArrayContent CsvPart(string content)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(content + "\n"));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return part;
    }

    private async Task EnsureCommuneAsync(string code, string name)
    {
        await using var db = app.OpenContext();
        if (!await db.Units.AnyAsync(u => u.Code == new OpenDti.Domain.Geography.UnitCode(code), Cancel))
        {
            await app.AddCommuneAsync(code, name, "01");
        }
    }

    private async Task<double?> ValueAsync(string unit, string measure)
    {
        await using var db = app.OpenContext();
        var unitId = UnitId(db, unit);
        var measureId = await db.Measures.Where(m => m.Code == new MeasureCode(measure)).Select(m => m.Id).SingleAsync(Cancel);
        return await db.DataValues.Where(v => v.UnitId == unitId && v.MeasureId == measureId && v.Period == September).Select(v => (double?)v.Value).SingleOrDefaultAsync(Cancel);
    }

    // Each dossier's version: on PostgreSQL its row version (xmin changes with every rewrite), on both the ingestion
    // that last wrote it.
    private async Task<Dictionary<string, string>> StateVersionsAsync()
    {
        await using var db = app.OpenContext();
        var sql = app.Provider == StoreProvider.Postgres
            ? "SELECT dossier_id, CAST(ingestion_id AS text) || '/' || CAST(xmin AS text) FROM dossier_states"
            : "SELECT dossier_id, CAST(ingestion_id AS text) FROM dossier_states";
        return await ReadPairsAsync(db, sql);
    }

    // Each dossier value's version: its concurrency token and update time, and on PostgreSQL its row version.
    private async Task<Dictionary<string, string>> ValueVersionsAsync()
    {
        await using var db = app.OpenContext();
        var codes = AllMeasures.Select(c => new MeasureCode(c)).ToList();
        var ids = await db.Measures.Where(m => codes.Contains(m.Code)).Select(m => m.Id).ToListAsync(Cancel);
        var values = await db.DataValues.AsNoTracking().Where(v => ids.Contains(v.MeasureId)).ToListAsync(Cancel);
        var versions = values.ToDictionary(v => $"{v.UnitId}/{v.MeasureId}/{v.Period}", v => $"{v.Value}/{v.ConcurrencyToken}/{v.UpdatedAtUtc:O}");
        if (app.Provider == StoreProvider.Postgres)
        {
            var rows = await ReadPairsAsync(db, "SELECT CAST(\"Id\" AS text), CAST(xmin AS text) FROM data_values");
            foreach (var (key, xmin) in rows)
            {
                versions["xmin/" + key] = xmin;
            }
        }

        return versions;
    }

    private static async Task<Dictionary<string, string>> ReadPairsAsync(OpenDtiDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Cancel))
        {
            pairs[reader.GetString(0)] = reader.GetString(1);
        }

        return pairs;
    }
}
