using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Accounts;
using OpenDti.Features.Audit;
using OpenDti.Web.Tests.Features.Submissions;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Audit;

/// <summary><c>/data/audit</c>, its downloads, and the proof that the product offers no way to change the trail.</summary>
public sealed class AuditPageTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private readonly ReviewWorld _world = new(app);

    [Fact]
    public async Task OneValue_ShowsEachChangeWithWhoChannelAndOldAndNew()
    {
        var commune = await _world.CommuneAsync();
        using (var reporter = await app.SignedInClientAsync(commune.Enterer))
        {
            await ReviewWorld.PutValuesAsync(reporter, commune.Code, ("WORK_DOSSIERS_COMMUNE", 1200d));
            await ReviewWorld.PutValuesAsync(reporter, commune.Code, ("WORK_DOSSIERS_COMMUNE", 1250d));
        }

        using var viewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var page = new HtmlParser().ParseDocument(await viewer.GetHtmlAsync($"/data/audit?unit={commune.Code}&measure=WORK_DOSSIERS_COMMUNE&period=2025"));

        var rows = page.QuerySelectorAll("table.audit tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["15/03/2026 10:00", "1.200", "1.250 hồ sơ", commune.Enterer, "API (đăng nhập)"], new[] { rows[0][0], rows[0][3], rows[0][4], rows[0][7], rows[0][8] });
        Assert.Equal(["—", "1.200 hồ sơ"], new[] { rows[1][3], rows[1][4] });
        Assert.Equal("Thay đổi giá trị (2)", page.QuerySelector("#changes-heading")?.TextContent);
        Assert.Equal("Bắt đầu nhập", page.QuerySelector("table.history tbody td:nth-child(4)")?.TextContent);
    }

    [Fact]
    public async Task Page_ForAUnitOutsideTheCallersScope_Is404WithAMessage()
    {
        var commune = await _world.CommuneAsync();
        await _world.DraftAsync(commune);
        using var outsider = await _world.CookieClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.OtherProvince));

        using var response = await outsider.GetAsync(new Uri($"/data/audit?unit={commune.Code}", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"Không có đơn vị mã “{commune.Code}” trong phạm vi bạn được xem.", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Null(page.QuerySelector("table.audit"));
    }

    [Fact]
    public async Task Downloads_HoldEveryChangeAndStep_NewestFirst()
    {
        var commune = await _world.CommuneAsync();
        await _world.SubmittedAsync(commune, total: 300, online: 200);
        using var viewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var csv = Encoding.UTF8.GetString(await viewer.GetByteArrayAsync(new Uri($"/data/audit.csv?unit={commune.Code}", UriKind.Relative), TestContext.Current.CancellationToken));
        var xlsx = await viewer.GetByteArrayAsync(new Uri($"/data/audit.xlsx?unit={commune.Code}&period=2025", UriKind.Relative), TestContext.Current.CancellationToken);

        var lines = csv.TrimEnd().Split("\r\n");
        Assert.Equal("\uFEFFThời điểm (giờ Việt Nam),Loại,Số liệu,Kỳ báo cáo,Bộ số liệu,Người thực hiện,Kênh,Từ địa chỉ,Giá trị cũ,Giá trị mới,Ghi chú cũ,Ghi chú mới,Lý do hoặc ý kiến", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Equal(2, lines.Count(l => l.Contains(",Thay đổi giá trị,", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("2026-03-15T10:00:00+07:00,Nộp để duyệt,,2025,CT749_COMMUNE,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",WORK_DOSSIERS_COMMUNE,2025,," + commune.Enterer + ",API (đăng nhập),,,300,,,", StringComparison.Ordinal));
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(5, document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
    }

    [Fact]
    public async Task TheAuditApiHasOnlyGetEndpoints_AndThePageNoWriteHandler()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/audit", StringComparison.OrdinalIgnoreCase) == true
                || e.RoutePattern.RawText?.TrimStart('/').StartsWith("data/audit", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        var handlers = typeof(AuditModel).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && !m.Name.StartsWith("OnGet", StringComparison.Ordinal) && !m.Name.StartsWith("OnPage", StringComparison.Ordinal))
            .Select(m => m.Name);

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/audit");
        Assert.All(
            endpoints.Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null),
            e => Assert.Equal(["GET"], e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods));
        Assert.All(
            endpoints.Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is null),
            e => Assert.Equal("data/audit", e.RoutePattern.RawText?.TrimStart('/')));
        Assert.Empty(handlers);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task WritingToTheAuditApi_IsNotAllowed_EvenForANationalAdministrator(string method)
    {
        var commune = await _world.CommuneAsync();
        await _world.DraftAsync(commune);
        using var admin = await app.SignedInClientAsync(await _world.UserAsync(Role.NationalAdmin, "VN"));
        await using var before = app.OpenContext();
        var count = before.ValueAudit.Count();

        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/audit?unit={commune.Code}") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await using var after = app.OpenContext();
        Assert.Equal(count, after.ValueAudit.Count());
    }
}
