using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>
/// <c>/data</c>, "my work": the forms a signed-in person may fill in the open periods (2026 and 2025, today
/// being 2026-03-15 in Vietnam), with status, deadline and days left; a reviewer's way to the review area.
/// </summary>
public abstract class MyWorkPageTests(OpenDtiApp app)
{
    [Fact]
    public async Task Anonymous_IsSentToTheSignInPage()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetStatusAsync("/data", HttpStatusCode.Redirect);

        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fdata", response.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommuneUser_SeesTheirCommuneInBothOpenPeriods_LateInWords()
    {
        var commune = await AddCommuneAsync("25", "Xã Thanh Sơn");
        var user = await AddUserAsync(Role.DataEntry, commune);
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data");

        var rows = WorkRows(page);
        Assert.Equal([$"/data/CT749_COMMUNE/2026/{commune}", $"/data/CT749_COMMUNE/2025/{commune}"], rows.Select(r => Link(r)).ToArray());
        var late = rows[1];
        Assert.Contains("Chưa bắt đầu", late.TextContent, StringComparison.Ordinal);
        Assert.Contains("01/03/2026", late.TextContent, StringComparison.Ordinal);
        Assert.Equal("Quá hạn 14 ngày", late.QuerySelector(".late")?.TextContent);
        Assert.Equal("Còn 351 ngày", rows[0].QuerySelector(".days-left")?.TextContent);
    }

    [Fact]
    public async Task ProvinceUser_SeesTheProvinceAndItsCommunes_InVietnameseOrder()
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "Xã Yên Lạc", "Xã Đông Hòa", "Xã Ba Vì", "Xã Đà Bắc", "Xã An Phú", "Xã Dương Minh Châu" })
        {
            codes[name] = await AddCommuneAsync("38", name);
        }

        var user = await AddUserAsync(Role.DataEntry, "38");
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data");

        var communes2025 = Table(page, "cấp xã", "kỳ 2025").QuerySelectorAll("tbody tr a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Xã An Phú", "Xã Ba Vì", "Xã Dương Minh Châu", "Xã Đà Bắc", "Xã Đông Hòa", "Xã Yên Lạc"], communes2025);
        var province2025 = Table(page, "Chương trình Chuyển đổi số quốc gia — cấp tỉnh", "kỳ 2025");
        Assert.Equal("Tỉnh Thanh Hóa", province2025.QuerySelector("tbody tr a")?.TextContent);
        Assert.Equal("Còn 16 ngày", province2025.QuerySelector(".days-left")?.TextContent);
    }

    [Fact]
    public async Task Statuses_AreShownInWords_WithTheReviewersComment()
    {
        var returned = await AddCommuneAsync("40", "Xã Bị Trả");
        var submitted = await AddCommuneAsync("40", "Xã Đã Nộp");
        var approved = await AddCommuneAsync("40", "Xã Đã Duyệt");
        var draft = await AddCommuneAsync("40", "Xã Đang Nhập");
        await app.SetSubmissionAsync("CT749_COMMUNE", returned, "2025", SubmissionStatus.Returned, "Thiếu số hồ sơ trực tuyến tháng 12.");
        await app.SetSubmissionAsync("CT749_COMMUNE", submitted, "2025", SubmissionStatus.Submitted);
        await app.SetSubmissionAsync("CT749_COMMUNE", approved, "2025", SubmissionStatus.Approved);
        await app.SetSubmissionAsync("CT749_COMMUNE", draft, "2025", SubmissionStatus.Draft);
        var user = await AddUserAsync(Role.DataEntry, "40");
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data");

        var rows = Table(page, "cấp xã", "kỳ 2025").QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("a")!.TextContent);
        Assert.Contains("Bị trả lại để sửa", rows["Xã Bị Trả"].TextContent, StringComparison.Ordinal);
        Assert.Contains("Ý kiến người duyệt: Thiếu số hồ sơ trực tuyến tháng 12.", rows["Xã Bị Trả"].TextContent, StringComparison.Ordinal);
        Assert.Equal("Quá hạn 14 ngày", rows["Xã Bị Trả"].QuerySelector(".late")?.TextContent);
        Assert.Contains("Đã nộp, chờ duyệt", rows["Xã Đã Nộp"].TextContent, StringComparison.Ordinal);
        Assert.Null(rows["Xã Đã Nộp"].QuerySelector(".late"));
        Assert.Contains("Đã duyệt (khoá)", rows["Xã Đã Duyệt"].TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản nháp", rows["Xã Đang Nhập"].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StillToDo_HidesWhatWasSent()
    {
        var sent = await AddCommuneAsync("42", "Xã Đã Gửi");
        var open = await AddCommuneAsync("42", "Xã Chưa Gửi");
        await app.SetSubmissionAsync("CT749_COMMUNE", sent, "2025", SubmissionStatus.Submitted);
        var user = await AddUserAsync(Role.DataEntry, "42");
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data?show=todo");

        var links = WorkRows(page).Select(r => Link(r)).ToList();
        Assert.Contains($"/data/CT749_COMMUNE/2025/{open}", links);
        Assert.DoesNotContain($"/data/CT749_COMMUNE/2025/{sent}", links);
        Assert.Contains($"/data/CT749_COMMUNE/2026/{sent}", links);
    }

    [Fact]
    public async Task CommuneUser_DoesNotSeeAnotherCommune()
    {
        var mine = await AddCommuneAsync("44", "Xã Của Tôi");
        var theirs = await AddCommuneAsync("44", "Xã Bên Cạnh");
        var user = await AddUserAsync(Role.DataEntry, mine);
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains(mine, text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewer_IsLinkedToTheReviewArea_AndHasNoFormsToFill()
    {
        var user = await AddUserAsync(Role.Reviewer, "46");
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data");

        Assert.Equal("Duyệt số liệu", page.QuerySelector("main a[href='/data/review']")?.TextContent);
        Assert.Contains("Tài khoản của bạn không được nhập số liệu cho đơn vị nào.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(WorkRows(page));
    }

    [Fact]
    public async Task DataEntryUser_GetsNoReviewLink()
    {
        var commune = await AddCommuneAsync("48", "Xã Hòa Vang");
        var user = await AddUserAsync(Role.DataEntry, commune);
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data");

        Assert.Null(page.QuerySelector("main a[href='/data/review']"));
    }

    [Fact]
    public async Task InEnglish_DeadlinesAndStatusesAreEnglish()
    {
        var commune = await AddCommuneAsync("51", "Xã Tịnh Khê");
        var user = await AddUserAsync(Role.DataEntry, commune);
        using var client = await app.SignedInBrowserAsync(user, culture: "en");

        var page = await client.PageAsync("/data");

        var rows = WorkRows(page);
        Assert.Equal("Late by 14 day(s)", rows[1].QuerySelector(".late")?.TextContent);
        Assert.Contains("Not started", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("My work", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Navigation_LinksToDataEntry()
    {
        using var client = app.CreateClient();

        var page = await client.PageAsync("/units");

        var link = page.QuerySelectorAll("nav a").Single(a => a.TextContent == "Nhập liệu");
        Assert.Equal("/data", link.GetAttribute("href"));
    }

    private async Task<string> AddCommuneAsync(string province, string name)
    {
        var code = TestNames.Unit();
        await app.AddCommuneAsync(code, name, province);
        return code;
    }

    private async Task<string> AddUserAsync(string role, string unit)
    {
        var name = TestNames.User(role);
        await app.AddUserAsync(name, role, unit);
        return name;
    }

    private static List<IElement> WorkRows(IHtmlDocument page) => [.. page.QuerySelectorAll("table.work tbody tr")];

    private static string? Link(IElement row) => row.QuerySelector("a")?.GetAttribute("href");

    private static IElement Table(IHtmlDocument page, params string[] captionParts) =>
        page.QuerySelectorAll("table.work").Single(t => captionParts.All(p => t.QuerySelector("caption")!.TextContent.Contains(p, StringComparison.Ordinal)));

    public sealed class OnSqlite(OpenDtiApp app) : MyWorkPageTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : MyWorkPageTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
