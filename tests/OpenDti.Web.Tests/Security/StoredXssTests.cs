using System.Net;
using System.Net.Http.Json;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Events;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Security;

/// <summary>
/// ASVS 4.0 §5.3.1/§5.3.3 (output encoding) and §14.4.3 (CSP): markup stored in a commune's name, an event's
/// title and a value's comment is shown as text on every page a national administrator, a province
/// administrator or the commune's data-entry user can reach — never as markup — and every page carries a
/// content security policy without inline scripts.
/// </summary>
public sealed class StoredXssTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Payload = Script + Image;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarkupInUnitEventAndCommentNames_IsShownAsTextOnEveryPage()
    {
        var commune = Features.DataEntry.TestNames.Unit();
        await app.AddCommuneAsync(commune, "Xã " + Payload, "01");
        await app.AddUserAsync("xss.quoc.gia", Role.NationalAdmin, "VN");
        await app.AddUserAsync("xss.tinh", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("xss.nhap.lieu", Role.DataEntry, commune);
        using var organiser = await app.SignedInClientAsync("xss.tinh");
        var eventId = await EventWorld.CreateAsync(organiser, EventWorld.Conference("01", "Hội nghị " + Payload));
        using var entry = await app.SignedInClientAsync("xss.nhap.lieu");
        using var written = await entry.PutAsJsonAsync("/api/v1/datavalues", new[] { new { unit = commune, measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 12.0, comment = "Ghi chú " + Payload } }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        string[] starts = ["/", "/units", $"/units/{commune}", "/units/01", "/events", $"/events/{eventId}", "/data", $"/data/CT749_COMMUNE/2025/{commune}", "/data/audit", "/data/review", "/data/completeness", "/admin/users", "/admin/users/xss.nhap.lieu"];

        var pages = new List<CrawledPage>();
        foreach (var user in new[] { "xss.quoc.gia", "xss.tinh", "xss.nhap.lieu" })
        {
            pages.AddRange(await SiteCrawler.CrawlAsync(await app.SignedInBrowserAsync(user), starts));
        }

        pages.AddRange(await SiteCrawler.CrawlAsync(app.BrowserClient(), ["/", "/units/01", $"/units/{commune}", "/events", $"/events/{eventId}"]));
        var unencoded = pages.Where(p => p.Html.Contains(Script, StringComparison.OrdinalIgnoreCase) || p.Html.Contains(Image, StringComparison.OrdinalIgnoreCase)).Select(p => p.Path).Distinct().ToList();
        var injectedElements = pages.Where(p => p.Document.QuerySelectorAll("img[onerror], script:not([src])").Length > 0).Select(p => p.Path).Distinct().ToList();
        var shownAsText = pages.Where(p => p.Document.Body?.TextContent.Contains(Payload, StringComparison.Ordinal) == true).Select(p => SiteCrawler.Shape(p.Path)).Distinct().ToList();

        Assert.True(unencoded.Count == 0, "markup shown unencoded on: " + string.Join(", ", unencoded));
        Assert.True(injectedElements.Count == 0, "script or onerror elements on: " + string.Join(", ", injectedElements));
        Assert.Contains("/units/{0}".Replace("{0}", SiteCrawler.Shape(commune), StringComparison.Ordinal), shownAsText);
        Assert.Contains("/events/#", shownAsText);
        Assert.Contains(SiteCrawler.Shape($"/data/CT749_COMMUNE/2025/{commune}"), shownAsText);
        Assert.All(pages, p => Assert.True(p.ContentSecurityPolicy?.Contains("script-src 'self'", StringComparison.Ordinal) == true && !p.ContentSecurityPolicy.Contains("unsafe-inline", StringComparison.Ordinal), $"{p.Path}: CSP {p.ContentSecurityPolicy}"));
    }
}
