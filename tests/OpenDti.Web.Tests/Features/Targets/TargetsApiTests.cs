using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Targets;

/// <summary>
/// <c>/api/v1/targets</c> on SQLite and PostgreSQL: the seeded Decision 749 targets, a province recording its
/// own document and target and seeing its status, and every refusal an attacker would try. Each test works with
/// its own province, so the tests of a class share one store.
/// </summary>
public abstract class TargetsApiTests(OpenDtiApp app)
{
    [Fact]
    public async Task Seeded749Targets_HaveTheirOfficialNumbersAndSources()
    {
        using var client = app.CreateClient();

        var list = await client.GetJsonAsync("/api/v1/targets");

        var targets = list.GetProperty("targets").EnumerateArray().ToList();
        var seeded = targets.Where(t => t.Text("documentNumber") == "749/QĐ-TTg").ToList();
        Assert.Equal(12, seeded.Count); // 10 rows of targets-749.csv; KTS_GDP and DVC_L4 have a 2025 and a 2030 value
        (string Code, int Year, string Comparison, double Value, string Scope)[] expected =
        [
            ("KTS_GDP", 2025, "at-least", 20, "every-province"), ("KTS_GDP", 2030, "at-least", 30, "every-province"),
            ("DVC_L4", 2025, "at-least", 80, "every-province"), ("DVC_L4", 2030, "at-least", 100, "every-province"),
            ("HSCV_TINH", 2025, "at-least", 90, "every-province"), ("HSCV_HUYEN", 2025, "at-least", 80, "every-province"),
            ("HSCV_XA", 2025, "at-least", 60, "every-province"), ("TK_TTDT", 2025, "more-than", 50, "every-province"),
            ("NSLD", 2025, "at-least", 7, "every-province"), ("KTS_NGANH", 2030, "at-least", 20, "nation"),
            ("IDI_TOP30", 2030, "at-most", 30, "nation"), ("GII_TOP30", 2030, "at-most", 30, "nation"),
        ];
        Assert.Equal(
            expected.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Year),
            seeded.Select(t => (t.Text("code")!, t.GetProperty("deadlineYear").GetInt32(), t.Text("comparison")!, t.GetProperty("targetValue").GetDouble(), t.Text("scope")!))
                .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Item2));
        Assert.All(seeded, t => Assert.Contains("Decision 749/QĐ-TTg of 3/6/2020", t.Text("source"), StringComparison.Ordinal));
        var dvc = seeded.First(t => t.Text("code") == "DVC_L4");
        Assert.Equal(("CT749", "DVC_L4"), (dvc.Text("framework"), dvc.Text("indicator")));
        Assert.Equal(34, dvc.GetProperty("counts").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ProvinceAdmin_RecordsOwnDocumentAndTarget_AndSeesItsStatus()
    {
        await app.AddUserAsync("quantri.hanoi", "province-admin", "01");
        using var client = await app.SignedInClientAsync("quantri.hanoi");
        var national = await DocumentIdAsync(client, "749/QĐ-TTg");

        var documentId = await CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/targets/documents", new
        {
            number = "09-NQ/TU",
            title = "Nghị quyết về chuyển đổi số thành phố Hà Nội đến năm 2025, định hướng đến năm 2030",
            kind = "resolution",
            issuer = "Thành ủy Hà Nội",
            issuedOn = "2021-09-15",
            scopeUnit = "01",
            parentId = national,
        }, TestContext.Current.CancellationToken));
        var targetId = await CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/targets", HanoiTarget(documentId, "HN_DVC_L4"), TestContext.Current.CancellationToken));

        // 2024 on the old Hà Nội (re-expressed onto the new one), 2025 on the new: 60 %, then 70 % of services at level 4.
        await AddValuesAsync(("01", 2024, 600, 1000), ("01", 2025, 700, 1000));
        var progress = await client.GetJsonAsync($"/api/v1/targets/{targetId}/progress");

        var row = Assert.Single(progress.GetProperty("units").EnumerateArray());
        Assert.Equal(("01", "on-track", "2025"), (row.Text("unit"), row.Text("status"), row.Text("latestPeriod")));
        Assert.Equal(70, row.GetProperty("latestValue").GetDouble(), 9);
        // CAGR seen 70/60 − 1 = 0.1667; needed (90/60)^(1/6) − 1 = 0.0699; ratio 2.38.
        Assert.Equal(0.16667 / 0.06991, row.GetProperty("paceRatio").GetDouble(), 2);
        Assert.True(row.GetProperty("isReexpressed").GetBoolean());
        Assert.True(progress.GetProperty("usesReexpressedHistory").GetBoolean());
        Assert.Equal(JsonValueKind.Null, progress.GetProperty("notice").ValueKind);
        var unitTargets = await client.GetJsonAsync("/api/v1/units/01/targets");
        Assert.Contains(unitTargets.GetProperty("targets").EnumerateArray(), t => t.GetProperty("target").Text("code") == "HN_DVC_L4" && t.GetProperty("progress").Text("status") == "on-track");
        var documents = await client.GetJsonAsync("/api/v1/targets/documents");
        Assert.Contains(documents.EnumerateArray(), d => d.Text("number") == "09-NQ/TU" && d.GetProperty("parentId").GetInt32() == national && d.Text("scopeUnit") == "01");
    }

    [Fact]
    public async Task OthersThanTheProvincesAdmin_AreRefused_AndNothingIsWritten()
    {
        await app.AddUserAsync("quantri.haiphong", "province-admin", "31");
        await app.AddUserAsync("quantri.cantho", "province-admin", "92");
        await app.AddUserAsync("nhaplieu.haiphong", "data-entry", "31");
        await app.AddUserAsync("xem.haiphong", "viewer", "31");
        using var owner = await app.SignedInClientAsync("quantri.haiphong");
        var documentId = await CreatedIdAsync(await owner.PostAsJsonAsync("/api/v1/targets/documents", new
        {
            number = "01-KH/UBND",
            title = "Kế hoạch chuyển đổi số thành phố Hải Phòng",
            kind = "plan",
            issuer = "Ủy ban nhân dân thành phố Hải Phòng",
            issuedOn = "2022-03-01",
            scopeUnit = "31",
        }, TestContext.Current.CancellationToken));
        var before = await CountTargetsAsync();

        foreach (var name in new[] { "quantri.cantho", "nhaplieu.haiphong", "xem.haiphong" })
        {
            using var other = await app.SignedInClientAsync(name);
            using var target = await other.PostAsJsonAsync("/api/v1/targets", HanoiTarget(documentId, "HP_DVC_L4") with { ScopeUnit = "31" }, TestContext.Current.CancellationToken);
            using var document = await other.PostAsJsonAsync("/api/v1/targets/documents", new { number = "02-KH/UBND", title = "Kế hoạch", kind = "plan", issuer = "UBND", issuedOn = "2022-03-01", scopeUnit = "31" }, TestContext.Current.CancellationToken);

            await target.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
            await document.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        }

        // The province's own admin may not set targets for every province on the national decision, nor for another province.
        var national = await DocumentIdAsync(owner, "749/QĐ-TTg");
        using var everyProvince = await owner.PostAsJsonAsync("/api/v1/targets", HanoiTarget(national, "HP_ALL") with { Scope = "every-province", ScopeUnit = null }, TestContext.Current.CancellationToken);
        await everyProvince.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        using var elsewhere = await owner.PostAsJsonAsync("/api/v1/targets", HanoiTarget(documentId, "HP_CT") with { ScopeUnit = "92" }, TestContext.Current.CancellationToken);
        var problem = await elsewhere.ReadJsonAsync(HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Contains("'92'", problem.GetProperty("errors").GetProperty("scopeUnit")[0].GetString(), StringComparison.Ordinal);
        using var anonymous = app.CreateClient();
        using var unsigned = await anonymous.PostAsJsonAsync("/api/v1/targets", HanoiTarget(documentId, "HP_ANON") with { ScopeUnit = "31" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(before, await CountTargetsAsync());
    }

    [Fact]
    public async Task BadTarget_Is400NamingEveryField_AndWritesNothing()
    {
        await app.AddUserAsync("quantri.danang", "province-admin", "48");
        using var client = await app.SignedInClientAsync("quantri.danang");
        var documentId = await CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/targets/documents", new
        {
            number = "05-NQ/TU",
            title = "Nghị quyết chuyển đổi số thành phố Đà Nẵng",
            kind = "resolution",
            issuer = "Thành ủy Đà Nẵng",
            issuedOn = "2021-05-20",
            scopeUnit = "48",
        }, TestContext.Current.CancellationToken));
        var before = await CountTargetsAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/targets", HanoiTarget(documentId, "DN_X") with
        {
            ScopeUnit = "48",
            Pillar = "kinh-te",
            Comparison = "nhiều hơn",
            TargetValue = null,
            DeadlineYear = 1999,
            Indicator = "KHONG_CO",
        }, TestContext.Current.CancellationToken);

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest, "application/problem+json");
        var errors = problem.GetProperty("errors");
        Assert.Equal(["comparison", "deadlineYear", "indicator", "pillar", "targetValue"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'kinh-te'", errors.GetProperty("pillar")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountTargetsAsync());
    }

    [Fact]
    public async Task XlsxImport_IsAllOrNothing_NamingRowAndCell_AndRefusedToAnotherProvince()
    {
        await app.AddUserAsync("quantri.camau", "province-admin", "96");
        await app.AddUserAsync("quantri.vinhlong", "province-admin", "86");
        using var client = await app.SignedInClientAsync("quantri.camau");
        var documentId = await CreatedIdAsync(await client.PostAsJsonAsync("/api/v1/targets/documents", new
        {
            number = "07-NQ/TU",
            title = "Nghị quyết chuyển đổi số tỉnh Cà Mau",
            kind = "resolution",
            issuer = "Tỉnh ủy Cà Mau",
            issuedOn = "2021-10-01",
            scopeUnit = "96",
        }, TestContext.Current.CancellationToken));
        string[] header = ["documentId", "code", "pillar", "name", "framework", "indicator", "scopeUnit", "targetValue", "deadlineYear", "comparison"];
        object?[] first = [documentId, "CM_DVC", "digital-government", "Dịch vụ công toàn trình", "CT749", "DVC_L4", "96", 85, 2028, "at-least"];
        object?[] second = [documentId, "CM_KTS", "kinh tế", "Kinh tế số trong GRDP", "CT749", "KTS_GDP", "96", 25, 2030, "at-least"];
        var before = await CountTargetsAsync();

        using var bad = await ImportAsync(client, header, first, second);
        using var elsewhere = await ImportAsync(await app.SignedInClientAsync("quantri.vinhlong"), header, first);
        var problem = await bad.ReadJsonAsync(HttpStatusCode.BadRequest, "application/problem+json");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("chi-tieu.xlsx: dòng / row 3, ô / cell C3 (pillar)", error.Name);
        Assert.Contains("'kinh tế'", error.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(before, await CountTargetsAsync());

        second[2] = "digital-economy";
        using var good = await ImportAsync(client, header, first, second);

        var body = await good.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.Equal(2, body.GetProperty("ids").GetArrayLength());
        Assert.Equal(before + 2, await CountTargetsAsync());
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string[] header, params object?[][] rows)
    {
        var xlsx = Workbook([header, .. rows]);
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(xlsx), "file", "chi-tieu.xlsx");
        return await client.PostAsync(new Uri("/api/v1/targets/import", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task UnknownTarget_Is404()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/targets/999999/progress", HttpStatusCode.NotFound);

        Assert.Contains("999999", problem.Text("detail"), StringComparison.Ordinal);
    }

    /// <summary>One sheet with cell references ("A1"), as Excel writes them.</summary>
    private static byte[] Workbook(IReadOnlyList<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    row.Append(TableExport.XlsxCell(rows[r][c], $"{(char)('A' + c)}{r + 1}"));
                }

                data.Append(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Chỉ tiêu" }));
        }

        return stream.ToArray();
    }

    internal static TargetBody HanoiTarget(int documentId, string code) => new()
    {
        DocumentId = documentId,
        Code = code,
        Pillar = "digital-government",
        Name = "Tỷ lệ dịch vụ công trực tuyến toàn trình",
        UnitOfMeasure = "%",
        Framework = "CT749",
        Indicator = "DVC_L4",
        Scope = "unit",
        ScopeUnit = "01",
        TargetValue = 90,
        DeadlineYear = 2030,
        Comparison = "at-least",
    };

    internal static async Task<int> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.ReadJsonAsync(HttpStatusCode.Created, "application/json");
            return body.GetProperty("id").GetInt32();
        }
    }

    private static async Task<int> DocumentIdAsync(HttpClient client, string number)
    {
        var documents = await client.GetJsonAsync("/api/v1/targets/documents");
        return documents.EnumerateArray().First(d => d.Text("number") == number).GetProperty("id").GetInt32();
    }

    private async Task<int> CountTargetsAsync()
    {
        await using var db = app.OpenContext();
        return await db.Targets.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Level-4 and total online services of a province: years before 2025 on the old unit, later on the new one.</summary>
    private async Task AddValuesAsync(params (string Unit, int Year, double Level4, double Total)[] rows)
    {
        await using var db = app.OpenContext();
        var level4 = await db.Measures.SingleAsync(m => m.Code == new MeasureCode("ONLINE_SERVICES_L4"), TestContext.Current.CancellationToken);
        var total = await db.Measures.SingleAsync(m => m.Code == new MeasureCode("ONLINE_SERVICES_TOTAL"), TestContext.Current.CancellationToken);
        foreach (var (code, year, l4, all) in rows)
        {
            var unit = await db.Units.SingleAsync(u => u.Code == new UnitCode(code) && u.Level == UnitLevel.Province && (year < 2025 ? u.ValidTo != null : u.ValidTo == null), TestContext.Current.CancellationToken);
            foreach (var (measure, value) in new[] { (level4, l4), (total, all) })
            {
                db.DataValues.Add(new DataValue { UnitId = unit.Id, MeasureId = measure.Id, Period = Period.OfYear(year), Value = value, Source = ValueSources.Form, UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime, ConcurrencyToken = Guid.NewGuid() });
            }
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    internal sealed record TargetBody
    {
        public int DocumentId { get; init; }

        public string? Code { get; init; }

        public string? Pillar { get; init; }

        public string? Name { get; init; }

        public string? UnitOfMeasure { get; init; }

        public string? Framework { get; init; }

        public string? Indicator { get; init; }

        public string? Scope { get; init; }

        public string? ScopeUnit { get; init; }

        public double? TargetValue { get; init; }

        public int DeadlineYear { get; init; }

        public string? Comparison { get; init; }
    }

    public sealed class OnSqlite(OpenDtiApp app) : TargetsApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : TargetsApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
