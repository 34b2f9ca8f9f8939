using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Submissions;

/// <summary>
/// <c>/api/v1/completeness</c>, <c>/data/completeness</c> and its downloads, and deadlines, on both stores. "Today" is
/// 2026-03-15 in Vietnam: the communes' 2025 deadline (60 days after the year) was 2026-03-01, the provinces'
/// (90 days) is 2026-03-31. Each test uses a province of its own, so that counts are the test's alone.
/// </summary>
public abstract class CompletenessTests(OpenDtiApp app)
{
    private static readonly string[] CountNames = ["units", "notStarted", "draft", "submitted", "returned", "approved", "late"];

    private readonly ReviewWorld _world = new(app);

    [Fact]
    public async Task Communes_AreCountedByStatus_LateOnesMarked_InVietnameseOrder()
    {
        const string province = "20";
        var idle = await _world.CommuneAsync(province, "Xã Bình Gia");
        await _world.DraftAsync(await _world.CommuneAsync(province, "Xã Ân Tình"));
        await _world.SubmittedAsync(await _world.CommuneAsync(province, "Xã Đình Lập"));
        await _world.ApprovedAsync(await _world.CommuneAsync(province, "Xã Hữu Lũng"), province);
        var returned = await _world.SubmittedAsync(await _world.CommuneAsync(province, "Xã Chi Lăng"));
        var reviewerName = await _world.UserAsync(Role.Reviewer, province);
        using var reviewer = await app.SignedInClientAsync(reviewerName);
        await ReviewWorld.StepAsync(reviewer, returned, "return", "Thiếu số liệu tháng 12", HttpStatusCode.OK);

        var report = await reviewer.GetJsonAsync("/api/v1/completeness?dataSet=CT749_COMMUNE&period=2025");

        Assert.Equal("2026-03-01", report.Text("deadline"));
        Assert.True(report.GetProperty("deadlineIsDefault").GetBoolean());
        Assert.Equal(-14, report.GetProperty("daysLeft").GetInt32());
        var counts = report.GetProperty("counts");
        Assert.Equal([5, 1, 1, 1, 1, 1, 3], CountNames.Select(c => counts.GetProperty(c).GetInt32()));
        var group = Assert.Single(report.GetProperty("provinces").EnumerateArray());
        Assert.Equal("Tỉnh Lạng Sơn", group.Text("provinceName"));
        Assert.Equal(3, group.GetProperty("counts").GetProperty("late").GetInt32());
        var units = report.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["Xã Ân Tình", "Xã Bình Gia", "Xã Chi Lăng", "Xã Đình Lập", "Xã Hữu Lũng"], units.Select(u => u.Text("unitName")));
        Assert.Equal(["draft", "not-started", "returned", "submitted", "approved"], units.Select(u => u.Text("status")));
        Assert.Equal([true, true, true, false, false], units.Select(u => u.GetProperty("isLate").GetBoolean()));
        Assert.Equal(idle.Code, units[1].Text("unit"));
    }

    [Fact]
    public async Task Provinces_All34MustReport_WithDaysLeftBeforeTheDeadline()
    {
        using var leader = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, "VN"));

        var report = await leader.GetJsonAsync("/api/v1/completeness?dataSet=CT749_PROVINCE");

        Assert.Equal("2025", report.Text("period"));
        Assert.Equal("2026-03-31", report.Text("deadline"));
        Assert.Equal(16, report.GetProperty("daysLeft").GetInt32());
        Assert.Equal(34, report.GetProperty("counts").GetProperty("units").GetInt32());
        Assert.Equal(0, report.GetProperty("counts").GetProperty("late").GetInt32());
        Assert.Empty(report.GetProperty("provinces").EnumerateArray());
        var names = report.GetProperty("units").EnumerateArray().Select(u => u.Text("unitName")).ToList();
        Assert.True(names.IndexOf("Tỉnh Đắk Lắk") < names.IndexOf("Tỉnh Điện Biên"), string.Join(", ", names));
        Assert.True(names.IndexOf("Tỉnh An Giang") < names.IndexOf("Tỉnh Bắc Ninh"), string.Join(", ", names));
    }

    [Fact]
    public async Task Reviewer_SeesOnlyTheirProvincesUnits()
    {
        await _world.CommuneAsync("04", "Xã Trùng Khánh");
        await _world.CommuneAsync("11", "Xã Mường Nhé");
        using var reviewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, "04"));

        var report = await reviewer.GetJsonAsync("/api/v1/completeness?dataSet=CT749_COMMUNE&period=2025");

        Assert.Equal(["Xã Trùng Khánh"], report.GetProperty("units").EnumerateArray().Select(u => u.Text("unitName")));
    }

    [Fact]
    public async Task UnknownDataSetOrPeriod_Is400NamingTheParameter()
    {
        using var viewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, "VN"));

        var dataSet = await viewer.GetJsonAsync("/api/v1/completeness?dataSet=NOPE&period=2025", HttpStatusCode.BadRequest);
        var period = await viewer.GetJsonAsync("/api/v1/completeness?dataSet=CT749_COMMUNE&period=2025Q1", HttpStatusCode.BadRequest);

        Assert.True(dataSet.GetProperty("errors").TryGetProperty("dataSet", out _));
        Assert.Contains("'2025Q1'", period.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_SetByAnAdministrator_ShowsInCompletenessAndInTheDataSet()
    {
        using var national = await app.SignedInClientAsync(await _world.UserAsync(Role.NationalAdmin, "VN"));
        using var provincial = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "08"));

        using var set = await national.PutAsJsonAsync("/api/v1/datasets/CT749_COMMUNE/deadlines/2024", new { dueOn = "2026-04-30" }, TestContext.Current.CancellationToken);
        using var byProvince = await provincial.PutAsJsonAsync("/api/v1/datasets/CT749_COMMUNE/deadlines/2023", new { dueOn = "2024-03-31" }, TestContext.Current.CancellationToken);
        var report = await national.GetJsonAsync("/api/v1/completeness?dataSet=CT749_COMMUNE&period=2024");
        var dataSet = await national.GetJsonAsync("/api/v1/datasets/CT749_COMMUNE");

        Assert.Equal("2026-04-30", (await set.ReadJsonAsync(HttpStatusCode.OK, "application/json")).Text("dueOn"));
        Assert.Equal(HttpStatusCode.OK, byProvince.StatusCode);
        Assert.Equal("2026-04-30", report.Text("deadline"));
        Assert.False(report.GetProperty("deadlineIsDefault").GetBoolean());
        Assert.Equal(46, report.GetProperty("daysLeft").GetInt32());
        Assert.Equal(["2023=2024-03-31", "2024=2026-04-30"], dataSet.GetProperty("deadlines").EnumerateArray().Select(d => $"{d.Text("period")}={d.Text("dueOn")}"));
    }

    [Theory]
    [InlineData("2024Q1", "2026-04-30", "period")]
    [InlineData("2024", "30/04/2026", "dueOn")]
    [InlineData("2024", "2023-12-31", "dueOn")]
    public async Task Deadline_Invalid_Is422NamingTheParameter(string period, string dueOn, string parameter)
    {
        using var admin = await app.SignedInClientAsync(await _world.UserAsync(Role.NationalAdmin, "VN"));

        using var response = await admin.PutAsJsonAsync($"/api/v1/datasets/CT749_PROVINCE/deadlines/{period}", new { dueOn }, TestContext.Current.CancellationToken);

        var problem = await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Page_ShowsCountdownCountsAndUnits_LateOnesMarked()
    {
        const string province = "22";
        await _world.CommuneAsync(province, "Xã Cô Tô");
        await _world.SubmittedAsync(await _world.CommuneAsync(province, "Phường Bãi Cháy"));
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, province));

        var page = new HtmlParser().ParseDocument(await reviewer.GetHtmlAsync("/data/completeness?dataSet=CT749_COMMUNE&period=2025"));

        Assert.Equal("đã quá hạn 14 ngày", page.QuerySelector(".countdown")?.TextContent);
        Assert.Equal("2 đơn vị phải báo cáo CT749_COMMUNE kỳ 2025", page.QuerySelector("#counts-heading")?.TextContent);
        var rows = page.QuerySelectorAll("table.completeness tbody tr:not(.group)").ToList();
        Assert.Equal(["Phường Bãi Cháy", "Xã Cô Tô"], rows.Select(r => r.QuerySelector("th")!.FirstChild!.TextContent.Trim()));
        Assert.Equal(["Đã nộp, chờ duyệt", "Chưa bắt đầu"], rows.Select(r => r.QuerySelector(".status")!.TextContent));
        Assert.Equal(["", "Quá hạn"], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent));
        Assert.Equal("Tỉnh Quảng Ninh", page.QuerySelector("table.completeness tr.group th")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task Page_DeadlineForm_WorksForAnAdministrator_AndNotWithoutTheAntiforgeryToken()
    {
        using var admin = await _world.CookieClientAsync(await _world.UserAsync(Role.NationalAdmin, "VN"));
        var token = await ReviewWorld.FormTokenAsync(admin, "/data/completeness?dataSet=CT749_PROVINCE&period=2022");

        using var forged = await ReviewWorld.PostFormAsync(admin, "/data/completeness?handler=Deadline", ("dataSet", "CT749_PROVINCE"), ("period", "2022"), ("DueOn", "2023-06-30"));
        using var posted = await ReviewWorld.PostFormAsync(
            admin, "/data/completeness?handler=Deadline", ("__RequestVerificationToken", token), ("dataSet", "CT749_PROVINCE"), ("period", "2022"), ("DueOn", "2023-06-30"));
        var after = new HtmlParser().ParseDocument(await admin.GetHtmlAsync(posted.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Hạn nộp kỳ 2022 nay là 2023-06-30.", after.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal("2023-06-30", after.QuerySelector("input#dueOn")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Csv_AndXlsx_HoldOneRowPerUnit_HeadersInTheRequestsLanguage()
    {
        const string province = "24";
        await _world.CommuneAsync(province, "Xã Yên Dũng");
        await _world.DraftAsync(await _world.CommuneAsync(province, "=HYPERLINK(\"x\")"));
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, province));

        var csv = await reviewer.GetByteArrayAsync(new Uri("/data/completeness.csv?dataSet=CT749_COMMUNE&period=2025", UriKind.Relative), TestContext.Current.CancellationToken);
        var english = await reviewer.GetByteArrayAsync(new Uri("/data/completeness.csv?dataSet=CT749_COMMUNE&period=2025&culture=en", UriKind.Relative), TestContext.Current.CancellationToken);
        var xlsx = await reviewer.GetByteArrayAsync(new Uri("/data/completeness.xlsx?dataSet=CT749_COMMUNE&period=2025", UriKind.Relative), TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(csv).TrimEnd().Split("\r\n");
        Assert.Equal("\uFEFFMã tỉnh,\"Tỉnh, thành phố\",Mã đơn vị,Đơn vị,Trạng thái,Quá hạn,Thời điểm nộp (giờ Việt Nam),Thay đổi gần nhất (giờ Việt Nam),Hạn nộp", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Đang nhập,Có,,2026-03-15T10:00:00+07:00,2026-03-01", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFProvince code,Province or city,Unit code,Unit,Status,Late,", Encoding.UTF8.GetString(english), StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Xã Yên Dũng", rows[2].Elements<Cell>().ElementAt(3).InnerText);
    }

    public sealed class OnSqlite(OpenDtiApp app) : CompletenessTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : CompletenessTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
