using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Events;

/// <summary>
/// <c>/api/v1/events</c> as organisers, attackers and bridge points meet it, on both stores. Each test uses a
/// province of its own, so that the counts it reads are its own.
/// </summary>
public abstract class EventsApiTests(OpenDtiApp app)
{
    private readonly EventWorld _world = new(app);

    [Fact]
    public async Task Organiser_CreatesAnEvent_EveryoneReadsItWithItsAgenda()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "08"));

        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("08"));

        using var anyone = app.CreateClient();
        var detail = await anyone.GetJsonAsync($"/api/v1/events/{id}");
        var summary = detail.GetProperty("summary");
        Assert.Equal("Hội nghị trực tuyến quán triệt Nghị quyết 57-NQ/TW", summary.Text("title"));
        Assert.Equal("2026-03-15T08:00:00+07:00", summary.Text("startsAt"));
        Assert.Equal("hybrid", summary.Text("format"));
        Assert.Equal("Tỉnh Tuyên Quang", summary.Text("hostUnitName"));
        Assert.Equal(["Tổng quan về chuyển đổi số", "Phương pháp luận 2-3-5"], detail.GetProperty("agenda").EnumerateArray().Select(a => a.Text("title")));
        Assert.Equal("09:30", detail.GetProperty("agenda")[1].Text("startsAt"));
        Assert.False(detail.GetProperty("mayOrganise").GetBoolean());
    }

    [Fact]
    public async Task AnEvent_ShowsOnItsHostProvincesPage()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "44"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("44", title: "Hội nghị chuyển đổi số tỉnh Quảng Trị năm 2026"));

        using var anyone = app.CreateClient();
        var page = await anyone.GetHtmlAsync("/units/44");

        Assert.Contains("Sự kiện nâng cao nhận thức và đào tạo", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/events/{id}\">Hội nghị chuyển đổi số tỉnh Quảng Trị năm 2026</a>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.DataEntry, "11")]
    [InlineData(Role.Reviewer, "11")]
    [InlineData(Role.Viewer, "VN")]
    [InlineData(Role.ProvinceAdmin, "12")]
    public async Task OthersThanTheHostsAdministrators_AreRefused(string role, string unit)
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "11"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("11"));
        using var other = await app.SignedInClientAsync(await _world.UserAsync(role, unit));

        var create = await other.PostAsJsonAsync("/api/v1/events", EventWorld.Conference("11"), TestContext.Current.CancellationToken);
        var import = await EventWorld.ImportAsync(other, id, EventWorld.BridgePointsCsv(3, 2));
        var links = await other.PostAsync(new Uri($"/api/v1/events/{id}/links", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var close = await other.PostAsJsonAsync($"/api/v1/events/{id}/status", new { status = "reported" }, TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { create.StatusCode, import.StatusCode, links.StatusCode, close.StatusCode });
        var totals = await EventWorld.TotalsAsync(organiser, id);
        Assert.Equal(0, totals.GetProperty("bridgePoints").GetInt32());
    }

    [Fact]
    public async Task Anonymous_CannotCreate()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/events", EventWorld.Conference("14"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NationalAdmin_MayOrganiseInAnyProvince()
    {
        using var national = await app.SignedInClientAsync(await _world.UserAsync(Role.NationalAdmin, "VN"));

        var response = await national.PostAsJsonAsync("/api/v1/events", EventWorld.Conference("15"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task BadEvent_IsRefusedWithEveryField()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "19"));

        var response = await organiser.PostAsJsonAsync("/api/v1/events", new { kind = "party", title = "", startsAt = "20/3/2026", endsAt = "2026-03-20T08:00", hostUnit = "19", format = "online" }, TestContext.Current.CancellationToken);

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest, "application/problem+json");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["kind", "startsAt", "title", "videoLink"], fields);
    }

    [Fact]
    public async Task ImportWithBadRows_WritesNothing_AndNamesRowColumnExpectedFound()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "20"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("20"));
        var csv = Encoding.UTF8.GetBytes("Số người dự kiến;Đơn vị;Địa điểm\r\n40;Chi bộ thôn Đồng Tâm;Nhà văn hóa\r\n4O;Chi bộ thôn Bản Chắt;\r\n25;;Trường tiểu học\r\n");

        var response = await EventWorld.ImportAsync(organiser, id, csv, "diem-cau-lang-son.csv");

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest, "application/problem+json");
        var errors = problem.GetProperty("errors");
        Assert.Equal(["row3.expectedAttendance", "row4.organisation"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var message = errors.GetProperty("row3.expectedAttendance")[0].GetString();
        Assert.Equal("diem-cau-lang-son.csv dòng / row 3, cột / column A: cần / expected một số nguyên từ 0 đến / a whole number from 0 to 100000; nhận được / found '4O'.", message);
        Assert.Equal(0, (await EventWorld.TotalsAsync(organiser, id)).GetProperty("bridgePoints").GetInt32());
    }

    [Fact]
    public async Task ClosedEvent_RefusesCheckIn_AndItsCountsBecomeMeasureValuesWithSourceEvents()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "22"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("22"));
        (await EventWorld.ImportAsync(organiser, id, EventWorld.BridgePointsCsv(3, 3))).EnsureSuccessStatusCode();
        var links = await EventWorld.IssueLinksAsync(organiser, id);
        using var phones = app.CreateClient();
        (await EventWorld.ReportAsync(phones, links[0].Token, 10, 5, 30, 1)).EnsureSuccessStatusCode();
        (await EventWorld.ReportAsync(phones, links[1].Token, 2, 0, 40, 0)).EnsureSuccessStatusCode();

        var close = await organiser.PostAsJsonAsync($"/api/v1/events/{id}/status", new { status = "reported" }, TestContext.Current.CancellationToken);
        var late = await EventWorld.ReportAsync(phones, links[2].Token, 9, 9, 9, 9);

        var closed = await close.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.True(closed.GetProperty("measuresWritten").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        await using var db = app.OpenContext();
        var unit = await db.Units.SingleAsync(u => u.Code == new UnitCode("22") && u.ValidTo == null, TestContext.Current.CancellationToken);
        var values = await db.DataValues.Where(v => v.UnitId == unit.Id && v.Period == Period.OfYear(2026))
            .Join(db.Measures, v => v.MeasureId, m => m.Id, (v, m) => new { m.Code, v.Value, v.Source })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, values.Single(v => v.Code == new MeasureCode("AWARENESS_EVENTS")).Value);
        Assert.Equal(88, values.Single(v => v.Code == new MeasureCode("AWARENESS_PARTICIPANTS")).Value);
        Assert.All(values, v => Assert.Equal(ValueSources.Events, v.Source));
        Assert.Equal(2, await db.ValueAudit.CountAsync(a => a.UnitId == unit.Id && a.Actor.Channel == ValueSources.Events, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IssuingLinksAgain_RevokesTheEarlierOnes()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "24"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("24"));
        (await EventWorld.ImportAsync(organiser, id, EventWorld.BridgePointsCsv(2, 2))).EnsureSuccessStatusCode();
        var first = await EventWorld.IssueLinksAsync(organiser, id);
        var second = await EventWorld.IssueLinksAsync(organiser, id);
        using var phones = app.CreateClient();

        var old = await EventWorld.ReportAsync(phones, first[0].Token, 1, 1, 1, 1);
        var current = await EventWorld.ReportAsync(phones, second[0].Token, 1, 1, 1, 1);
        var negative = await EventWorld.ReportAsync(phones, second[1].Token, -1, 0, 0, 0);

        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        await using var db = app.OpenContext();
        Assert.DoesNotContain(await db.CheckInLinks.Select(l => l.TokenHash).ToListAsync(TestContext.Current.CancellationToken), h => h == second[0].Token);
    }

    [Fact]
    public async Task CheckInPage_OnAPhone_ReportsWithAntiforgery_AndAFormWithoutTokenIsRefused()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "25"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("25"));
        (await EventWorld.ImportAsync(organiser, id, EventWorld.BridgePointsCsv(1, 1))).EnsureSuccessStatusCode();
        var token = (await EventWorld.IssueLinksAsync(organiser, id)).Single().Token;
        using var phone = app.BrowserClient();
        var fields = new Dictionary<string, string> { ["Officials"] = "12", ["PartyMembers"] = "3", ["Citizens"] = "1.050", ["Other"] = "", ["Note"] = "Mất điện 15 phút" };

        var forged = await phone.PostWithoutTokenAsync($"/checkin/{token}", new(fields));
        var sent = await phone.PostFormAsync($"/checkin/{token}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("(1065 người)", PageForms.VisibleText(await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        Assert.Equal(1065, (await EventWorld.TotalsAsync(phone, id)).GetProperty("participants").GetInt64());
    }

    [Fact]
    public async Task CheckInPage_WithAMadeUpToken_SaysTheLinkIsNotValid()
    {
        using var phone = app.BrowserClient();

        var response = await phone.GetAsync(new Uri("/checkin/" + new string('x', 43), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Đường dẫn điểm danh này không hợp lệ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ICalendarFeed_HasTheEventInUtc_WithEscapedText()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "31"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("31", "Tập huấn; chuyển đổi số, cấp xã"));
        using var anyone = app.CreateClient();

        var text = await anyone.GetStringAsync(new Uri($"/events/{id}.ics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260315T010000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Tập huấn\\; chuyển đổi số\\, cấp xã\r\n", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
    }

    [Fact]
    public async Task AttendanceXlsx_HasOneRowPerBridgePoint_FormulaLikeNamesKeptAsText()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "40"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("40"));
        (await EventWorld.ImportAsync(organiser, id, Encoding.UTF8.GetBytes("Đơn vị,Số người dự kiến\r\nĐảng bộ xã Nghi Lộc,50\r\n\"=HYPERLINK(\"\"x\"\")\",10\r\n"))).EnsureSuccessStatusCode();
        var token = (await EventWorld.IssueLinksAsync(organiser, id))[0].Token;
        using var anyone = app.CreateClient();
        (await EventWorld.ReportAsync(anyone, token, 20, 10, 15, 2)).EnsureSuccessStatusCode();

        var xlsx = await anyone.GetByteArrayAsync(new Uri($"/events/{id}/attendance.xlsx", UriKind.Relative), TestContext.Current.CancellationToken);
        var csv = Encoding.UTF8.GetString(await anyone.GetByteArrayAsync(new Uri($"/events/{id}/attendance.csv", UriKind.Relative), TestContext.Current.CancellationToken));

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "Đảng bộ xã Nghi Lộc", "", "50", "Có", "20", "10", "15", "2", "47"], rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Take(10).Select(c => c.InnerText));
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organiser_ChangesAnEvent_ButNotOnceClosed()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "42"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("42"));

        var changed = await organiser.PutAsJsonAsync($"/api/v1/events/{id}", EventWorld.Conference("42", "Hội nghị chuyển đổi số Hà Tĩnh (dời lịch)", "2026-03-16T07:30"), TestContext.Current.CancellationToken);
        (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/status", new { status = "reported" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var late = await organiser.PutAsJsonAsync($"/api/v1/events/{id}", EventWorld.Conference("42"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var detail = await organiser.GetJsonAsync($"/api/v1/events/{id}");
        Assert.Equal("Hội nghị chuyển đổi số Hà Tĩnh (dời lịch)", detail.GetProperty("summary").Text("title"));
        Assert.Equal("2026-03-16T07:30:00+07:00", detail.GetProperty("summary").Text("startsAt"));
        Assert.Equal(2, detail.GetProperty("agenda").GetArrayLength());
    }

    [Fact]
    public async Task ChangeFromAnOlderVersion_Is409_AndLeavesTheNewerChange()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "46"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("46"));
        var read = (await organiser.GetJsonAsync($"/api/v1/events/{id}")).Text("version");

        var first = await organiser.PutAsJsonAsync($"/api/v1/events/{id}", Versioned(EventWorld.Conference("46", "Hội nghị chuyển đổi số thành phố Huế"), read), TestContext.Current.CancellationToken);
        var second = await organiser.PutAsJsonAsync($"/api/v1/events/{id}", Versioned(EventWorld.Conference("46", "Hội nghị bị ghi đè"), read), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await second.ReadJsonAsync(HttpStatusCode.Conflict, "application/problem+json");
        Assert.Contains("người khác đã sửa sự kiện", problem.Text("detail"), StringComparison.Ordinal);
        var detail = await organiser.GetJsonAsync($"/api/v1/events/{id}");
        Assert.Equal("Hội nghị chuyển đổi số thành phố Huế", detail.GetProperty("summary").Text("title"));
        Assert.NotEqual(read, detail.Text("version"));
    }

    private static Dictionary<string, object?> Versioned(object conference, string? version)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToElement(conference).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
        body["version"] = version;
        return body;
    }

    public sealed class OnSqlite(OpenDtiApp app) : EventsApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : EventsApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
