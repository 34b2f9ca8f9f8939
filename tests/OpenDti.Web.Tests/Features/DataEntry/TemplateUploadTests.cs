using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>
/// Uploading filled templates through <c>POST /api/v1/datasets/{code}/upload</c>, on SQLite and PostgreSQL:
/// what is written, what is refused (and where, exactly), and that a refused file writes nothing. Each test
/// works in its own province, so the tests of a class share one store without seeing each other's communes.
/// </summary>
public abstract class TemplateUploadTests(OpenDtiApp app)
{
    private const string DataSet = "CT749_COMMUNE";
    private const string Period = "2025";

    [Fact]
    public async Task FilledXlsx_IsStoredAsUploadWithAuditNamingTheFile_AndRuleBreachesAreReported()
    {
        using var client = await ProvinceAsync("04", "CB-", 2, "nhap.caobang");
        var template = await DownloadAsync(client, "template.xlsx");
        using var file = TemplateFiles.Open(template);
        file.SetNumber("C10", 1200);
        file.SetText("D10", "Theo báo cáo của Ủy ban nhân dân xã");
        file.SetNumber("E10", 900);
        file.SetText("C11", "1.500");
        file.SetNumber("E11", 1600);

        using var response = await TemplateFiles.UploadAsync(client, DataSet, Period, file.Save(), "CT749_COMMUNE_2025.xlsx");

        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.Equal(4, body.GetProperty("written").GetInt32());
        var breach = Assert.Single(body.GetProperty("breaches").EnumerateArray());
        Assert.Equal("CB-0002", breach.Text("unit"));
        Assert.Equal("COMMUNE_ONLINE_WITHIN_TOTAL", breach.Text("code"));
        await using var db = app.OpenContext();
        var values = await ValuesAsync(db, "CB-");
        Assert.Equal([("CB-0001", 1200.0, "Theo báo cáo của Ủy ban nhân dân xã"), ("CB-0001", 900, null), ("CB-0002", 1500, null), ("CB-0002", 1600, null)], values.Select(v => (v.Unit, v.Value.Value, v.Value.Comment)));
        Assert.All(values, v => Assert.Equal(ValueSources.Upload, v.Value.Source));
        var audit = await AuditAsync(db, "CB-");
        Assert.Equal(4, audit.Count);
        Assert.All(audit, a =>
        {
            Assert.Equal("tệp CT749_COMMUNE_2025.xlsx", a.Reason);
            Assert.Equal(ValueSources.Upload, a.Actor.Channel);
            Assert.Equal("nhap.caobang", a.Actor.Name);
            Assert.Null(a.OldValue);
        });
    }

    [Fact]
    public async Task OneBadCellAmongTwelveThousand_WritesNothingAndNamesTheCell_TheFixedFileGoesInWhole()
    {
        const int communes = 3000;
        using var client = await ProvinceAsync("79", "HCM", communes, "nhap.hcm");
        var template = await DownloadAsync(client, "template.xlsx");
        using var file = TemplateFiles.Open(template);
        for (var i = 0; i < communes; i++)
        {
            var row = 10 + i;
            file.SetNumber($"C{row}", 100 + i);
            file.SetNumber($"E{row}", 50 + i);
            file.SetNumber($"G{row}", 5000 + i);
            file.SetNumber($"I{row}", 3000 + i);
        }

        Assert.Equal(1242, file.RowOf("HCM1233"));
        file.SetText("E1242", "mười hai");
        var bad = file.Save();
        long auditBefore;
        await using (var db = app.OpenContext())
        {
            auditBefore = await db.ValueAudit.LongCountAsync(TestContext.Current.CancellationToken);
        }

        using var refused = await TemplateFiles.UploadAsync(client, DataSet, Period, bad, "HCM_2025.xlsx");

        var problem = await refused.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("Số liệu", error.Text("sheet"));
        Assert.Equal(1242, error.GetProperty("row").GetInt32());
        Assert.Equal("E", error.Text("column"));
        Assert.Equal("WORK_DOSSIERS_COMMUNE_ONLINE", error.Text("header"));
        Assert.Equal("value.not-number", error.Text("code"));
        Assert.Equal("một số (nếu gõ dạng chữ thì viết kiểu Việt Nam: 1.234,5)", error.Text("expected"));
        Assert.Equal("'mười hai'", error.Text("found"));
        await using (var db = app.OpenContext())
        {
            Assert.Empty(await ValuesAsync(db, "HCM"));
            Assert.Equal(auditBefore, await db.ValueAudit.LongCountAsync(TestContext.Current.CancellationToken));
        }

        using var fixedFile = TemplateFiles.Open(bad);
        fixedFile.SetNumber("E1242", 12);
        var good = fixedFile.Save();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        using var accepted = await TemplateFiles.UploadAsync(client, DataSet, Period, good, "HCM_2025.xlsx");

        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var body = await accepted.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        var measured = (
            $"{app.Provider}: 12,000 values ({good.Length / 1024} KB) in {clock.ElapsedMilliseconds} ms, process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms, managed heap peak {(peak - baseline) >> 20} MB above {baseline >> 20} MB");
        TestContext.Current.TestOutputHelper?.WriteLine(measured);
        Assert.Equal(communes * 4, body.GetProperty("written").GetInt32());
        Assert.Empty(body.GetProperty("breaches").EnumerateArray());
        await using (var db = app.OpenContext())
        {
            var values = await ValuesAsync(db, "HCM");
            Assert.Equal(communes * 4, values.Count);
            Assert.Contains(values, v => v.Unit == "HCM1233" && v.Value.Value == 12);
            Assert.Equal(auditBefore + (communes * 4), await db.ValueAudit.LongCountAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task FormulaCell_IsRefusedAsAFormula()
    {
        using var client = await ProvinceAsync("08", "TQ-", 1, "nhap.tuyenquang");
        using var file = TemplateFiles.Open(await DownloadAsync(client, "template.xlsx"));
        file.SetNumber("E10", 7);
        file.SetFormula("C10", "E10*2", 14);

        using var response = await TemplateFiles.UploadAsync(client, DataSet, Period, file.Save(), "tq.xlsx");

        var error = Assert.Single((await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json")).GetProperty("errors").EnumerateArray());
        Assert.Equal(("C", 10, "value.formula"), (error.Text("column"), error.GetProperty("row").GetInt32(), error.Text("code")));
        Assert.Equal("một giá trị", error.Text("expected"));
        Assert.Equal("một công thức: =E10*2", error.Text("found"));
        await using var db = app.OpenContext();
        Assert.Empty(await ValuesAsync(db, "TQ-"));
    }

    [Fact]
    public async Task CsvSeparatedBySemicolonsWithBom_ReadsVietnameseNumbers()
    {
        using var client = await ProvinceAsync("11", "DB-", 1, "nhap.dienbien");
        var csv = "\uFEFFunit;measure;period;value;comment\r\n"
            + "DB-0001;WORK_DOSSIERS_COMMUNE;2025;1.234;Số liệu cả năm\r\n"
            + "DB-0001;ADULT_POPULATION;2025;12.500;\r\n";

        using var response = await TemplateFiles.UploadAsync(client, DataSet, Period, Encoding.UTF8.GetBytes(csv), "dien-bien.csv");

        Assert.Equal(2, (await response.ReadJsonAsync(HttpStatusCode.OK, "application/json")).GetProperty("written").GetInt32());
        await using var db = app.OpenContext();
        Assert.Equal([1234.0, 12500], (await ValuesAsync(db, "DB-")).Select(v => v.Value.Value).Order());
    }

    [Fact]
    public async Task CsvTemplateSeparatedByCommasWithoutBom_RoundTrips()
    {
        using var client = await ProvinceAsync("12", "LC-", 2, "nhap.laichau");
        var template = Encoding.UTF8.GetString(await DownloadAsync(client, "template.csv"));
        Assert.StartsWith("\uFEFFunit,unit_name,measure,measure_name,period,value,comment,version\r\n", template, StringComparison.Ordinal);
        var lines = template.TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        var filled = lines.Take(1).Concat(lines.Skip(1).Select((line, i) =>
        {
            var fields = line.Split(',');
            fields[5] = (10 * (i + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(',', fields);
        }));

        using var response = await TemplateFiles.UploadAsync(client, DataSet, Period, Encoding.UTF8.GetBytes(string.Join("\n", filled)), "lai-chau.csv");

        Assert.Equal(8, (await response.ReadJsonAsync(HttpStatusCode.OK, "application/json")).GetProperty("written").GetInt32());
        await using var db = app.OpenContext();
        Assert.Equal(8, (await ValuesAsync(db, "LC-")).Count);
    }

    [Fact]
    public async Task UnitOutsideTheUsersProvince_IsRefusedRowByRow_AndNothingIsWritten()
    {
        using var client = await ProvinceAsync("14", "SLA", 1, "nhap.sonla");
        await TemplateFiles.AddCommunesAsync(app, "15", "LCA", 1);
        var csv = "unit,measure,value\r\nSLA0001,WORK_DOSSIERS_COMMUNE,10\r\nLCA0001,WORK_DOSSIERS_COMMUNE,11\r\nLCA0001,ADULT_POPULATION,12\r\n";

        using var response = await TemplateFiles.UploadAsync(client, DataSet, Period, Encoding.UTF8.GetBytes(csv), "son-la.csv");

        var errors = (await response.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json")).GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([(3, "A", "unit.forbidden"), (4, "A", "unit.forbidden")], errors.Select(e => (e.GetProperty("row").GetInt32(), e.Text("column")!, e.Text("code")!)));
        Assert.All(errors, e => Assert.Equal("LCA0001 Xã Hòa Bình 1", e.Text("found")));
        await using var db = app.OpenContext();
        Assert.Empty(await ValuesAsync(db, "SLA"));
        Assert.Empty(await ValuesAsync(db, "LCA"));
    }

    [Fact]
    public async Task CellOfAnApprovedSubmission_IsRefusedAsLocked()
    {
        using var client = await ProvinceAsync("19", "TNG", 2, "nhap.thainguyen");
        await using (var db = app.OpenContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == new UnitCode("TNG0001"), TestContext.Current.CancellationToken);
            var dataSet = await db.DataSets.SingleAsync(d => d.Code == DataSet, TestContext.Current.CancellationToken);
            db.Submissions.Add(new Submission { DataSetId = dataSet.Id, UnitId = unit.Id, Period = Domain.Values.Period.OfYear(2025), Status = SubmissionStatus.Approved, ApprovalCount = 1, UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime, ConcurrencyToken = Guid.NewGuid() });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var file = TemplateFiles.Open(await DownloadAsync(client, "template.xlsx"));
        file.SetNumber("C10", 40);
        file.SetNumber("C11", 41);

        using var response = await TemplateFiles.UploadAsync(client, DataSet, Period, file.Save(), "thai-nguyen.xlsx");

        var error = Assert.Single((await response.ReadJsonAsync(HttpStatusCode.Conflict, "application/problem+json")).GetProperty("errors").EnumerateArray());
        Assert.Equal(("C", 10, "submission.locked"), (error.Text("column"), error.GetProperty("row").GetInt32(), error.Text("code")));
        Assert.Equal("một báo cáo đã được duyệt và khoá: người duyệt phải mở lại trước", error.Text("found"));
        await using var check = app.OpenContext();
        Assert.Empty(await ValuesAsync(check, "TNG"));
    }

    [Fact]
    public async Task ValueChangedSinceTheDownload_IsAConflictShowingTheNewerValue()
    {
        var (mine, theirs) = await TwoWritersAsync("20", "LSN", "nhap.langson");
        using var file = TemplateFiles.Open(await DownloadAsync(mine, "template.xlsx"));
        await PutAsync(theirs, "LSN0001", "WORK_DOSSIERS_COMMUNE", 150);
        file.SetNumber("C10", 120);

        using var response = await TemplateFiles.UploadAsync(mine, DataSet, Period, file.Save(), "lang-son.xlsx");

        var error = Assert.Single((await response.ReadJsonAsync(HttpStatusCode.Conflict, "application/problem+json")).GetProperty("errors").EnumerateArray());
        Assert.Equal(("C", 10, "value.conflict"), (error.Text("column"), error.GetProperty("row").GetInt32(), error.Text("code")));
        Assert.Equal("giá trị như khi tải mẫu: 100", error.Text("expected"));
        Assert.Equal("150, được lưu lúc 2026-03-15 03:00 UTC; đánh dấu 'ghi đè giá trị mới hơn' để thay bằng giá trị của bạn", error.Text("found"));
        Assert.Equal(150, error.GetProperty("currentValue").GetDouble());
        await using var db = app.OpenContext();
        Assert.Equal(150, (await ValuesAsync(db, "LSN")).Single(v => v.Measure == "WORK_DOSSIERS_COMMUNE").Value.Value);
    }

    [Fact]
    public async Task OverwriteNewerValues_WritesTheChangedCellWithTheReasonAudited_AndKeepsNewerValuesOfUntouchedCells()
    {
        var (mine, theirs) = await TwoWritersAsync("22", "QNH", "nhap.quangninh");
        using var file = TemplateFiles.Open(await DownloadAsync(mine, "template.xlsx"));
        await PutAsync(theirs, "QNH0001", "WORK_DOSSIERS_COMMUNE", 150);
        await PutAsync(theirs, "QNH0001", "WORK_DOSSIERS_COMMUNE_ONLINE", 90);
        file.SetNumber("C10", 120);

        using var response = await TemplateFiles.UploadAsync(mine, DataSet, Period, file.Save(), "quang-ninh.xlsx", overwrite: true);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.Equal(1, body.GetProperty("written").GetInt32());
        await using var db = app.OpenContext();
        var values = (await ValuesAsync(db, "QNH")).ToDictionary(v => v.Measure, v => v.Value.Value);
        Assert.Equal(120, values["WORK_DOSSIERS_COMMUNE"]);
        Assert.Equal(90, values["WORK_DOSSIERS_COMMUNE_ONLINE"]);
        var last = (await AuditAsync(db, "QNH")).Last();
        Assert.Equal((150.0, 120.0), (last.OldValue, last.NewValue));
        Assert.Equal("tệp quang-ninh.xlsx; ghi đè giá trị mới hơn / overwrite newer values", last.Reason);
    }

    /// <summary>A province with <paramref name="communes"/> test communes and a data-entry user on it, signed in.</summary>
    private async Task<HttpClient> ProvinceAsync(string province, string prefix, int communes, string user)
    {
        await TemplateFiles.AddCommunesAsync(app, province, prefix, communes);
        await app.AddUserAsync(user, Domain.Accounts.Role.DataEntry, province);

        // The 12,000-value upload can outlast HttpClient's 100 s on a loaded machine; speed is measured, not asserted.
        var client = app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TestAccounts.TokenAsync(client, user));
        return client;
    }

    /// <summary>One commune whose dossier counts are 100 and 80, and two data-entry users of its province.</summary>
    private async Task<(HttpClient Mine, HttpClient Theirs)> TwoWritersAsync(string province, string prefix, string user)
    {
        var mine = await ProvinceAsync(province, prefix, 1, user);
        await app.AddUserAsync(user + ".2", Domain.Accounts.Role.DataEntry, province);
        var theirs = await app.SignedInClientAsync(user + ".2");
        await PutAsync(theirs, prefix + "0001", "WORK_DOSSIERS_COMMUNE", 100);
        await PutAsync(theirs, prefix + "0001", "WORK_DOSSIERS_COMMUNE_ONLINE", 80);
        return (mine, theirs);
    }

    private static async Task PutAsync(HttpClient client, string unit, string measure, double value)
    {
        using var response = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { new { unit, measure, period = Period, value } }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string file)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/datasets/{DataSet}/{file}?period={Period}", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        return bytes;
    }

    private static async Task<List<(string Unit, string Measure, DataValue Value)>> ValuesAsync(Store.OpenDtiDbContext db, string prefix) =>
        (await (from v in db.DataValues.AsNoTracking()
                join u in db.Units on v.UnitId equals u.Id
                join m in db.Measures on v.MeasureId equals m.Id
                select new { Unit = u.Code, Measure = m.Code, Value = v }).ToListAsync(TestContext.Current.CancellationToken))
        .Where(x => x.Unit.Value.StartsWith(prefix, StringComparison.Ordinal))
        .Select(x => (x.Unit.Value, x.Measure.Value, x.Value))
        .OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2 == "WORK_DOSSIERS_COMMUNE" ? 0 : 1).ThenBy(x => x.Item2, StringComparer.Ordinal)
        .ToList();

    private static async Task<List<ValueAudit>> AuditAsync(Store.OpenDtiDbContext db, string prefix)
    {
        var units = (await db.Units.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Where(u => u.Code.Value.StartsWith(prefix, StringComparison.Ordinal)).Select(u => u.Id).ToList();
        return await db.ValueAudit.AsNoTracking().Where(a => units.Contains(a.UnitId)).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public sealed class OnSqlite(OpenDtiApp app) : TemplateUploadTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : TemplateUploadTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
