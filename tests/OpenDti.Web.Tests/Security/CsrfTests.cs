using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Security;

/// <summary>
/// ASVS 4.0 §4.2.2 / §50.4: every form the site renders refuses a cross-site post. The test walks the site as a
/// national administrator, a province administrator and a commune's data-entry user, collects every
/// <c>&lt;form method="post"&gt;</c> it finds, and posts each without the antiforgery token: each must be
/// refused with 400 and write nothing. A new page whose form forgets antiforgery makes this test fail.
/// </summary>
public sealed class CsrfTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPostForm_OfEveryRole_RefusesAPostWithoutTheToken_AndWritesNothing()
    {
        var commune = Features.DataEntry.TestNames.Unit();
        await app.AddCommuneAsync(commune, "Xã Chống Giả Mạo", "01");
        await Features.DataEntry.EntryPages.StoreValueAsync(app, commune, "WORK_DOSSIERS_COMMUNE", "2025", 12);
        await app.AddUserAsync("csrf.quoc.gia", Role.NationalAdmin, "VN");
        await app.AddUserAsync("csrf.tinh", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("csrf.nhap.lieu", Role.DataEntry, commune);
        string[] starts = ["/", "/data", $"/data/CT749_COMMUNE/2025/{commune}", "/account", "/account/keys", "/admin/users", "/admin/users/csrf.nhap.lieu", "/events", "/events/new", "/targets", "/targets/new", "/review", "/data/upload", "/units", "/frameworks"];

        var forms = new List<FoundForm>();
        foreach (var user in new[] { "csrf.quoc.gia", "csrf.tinh", "csrf.nhap.lieu" })
        {
            var client = await app.SignedInBrowserAsync(user);
            foreach (var form in await CrawlFormsAsync(client, starts))
            {
                forms.Add(form with { User = user });
            }
        }

        var before = await FingerprintAsync();
        var accepted = new List<string>();
        foreach (var form in forms.DistinctBy(f => (f.User, f.Action)))
        {
            var client = await app.SignedInBrowserAsync(form.User);
            using var response = await client.PostWithoutTokenAsync(form.Action, form.Fields);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{form.User}: POST {form.Action} (form on {form.Page}) answered {(int)response.StatusCode}");
            }
        }

        var actions = forms.Select(f => SiteCrawler.Shape(f.Action)).Distinct().ToList();
        Assert.True(actions.Count >= 8, $"the crawl found too few forms to prove anything: {string.Join(", ", actions)}");
        Assert.Contains(actions, a => a.StartsWith("/data/", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.StartsWith("/admin/users", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.StartsWith("/account", StringComparison.Ordinal));
        Assert.True(accepted.Count == 0, "forms accepted without the antiforgery token:" + Environment.NewLine + string.Join(Environment.NewLine, accepted));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task EveryPostForm_CarriesTheAntiforgeryToken()
    {
        await app.AddUserAsync("csrf.tinh.2", Role.ProvinceAdmin, "01");
        var client = await app.SignedInBrowserAsync("csrf.tinh.2");
        using var page = await client.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancellation);
        var html = await page.Content.ReadAsStringAsync(Cancellation);
        var document = new HtmlParser().ParseDocument(html);

        var posts = document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(posts);
        Assert.All(posts, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
    }

    private static async Task<List<FoundForm>> CrawlFormsAsync(HttpClient client, IEnumerable<string> starts)
    {
        var forms = new List<FoundForm>();
        foreach (var page in await SiteCrawler.CrawlAsync(client, starts))
        {
            foreach (var form in page.Document.QuerySelectorAll("form"))
            {
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var action = form.GetAttribute("action");
                var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
                    .Select(e => (Name: e.GetAttribute("name")!, Value: e.GetAttribute("value") ?? string.Empty))
                    .Where(f => f.Name != "__RequestVerificationToken")
                    .DistinctBy(f => f.Name)
                    .ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
                forms.Add(new FoundForm(string.Empty, page.Path, string.IsNullOrEmpty(action) ? page.Path : action, fields));
            }
        }

        return forms;
    }

    private async Task<string> FingerprintAsync()
    {
        await using var db = app.OpenContext();
        return string.Join(' ',
            await db.Users.CountAsync(Cancellation),
            await db.RoleAssignments.CountAsync(Cancellation),
            await db.ApiKeys.CountAsync(Cancellation),
            await db.AccountEvents.CountAsync(Cancellation),
            await db.DataValues.CountAsync(Cancellation),
            await db.ValueAudit.CountAsync(Cancellation),
            await db.Submissions.CountAsync(Cancellation),
            await db.SubmissionEvents.CountAsync(Cancellation),
            await db.Evidence.CountAsync(Cancellation),
            await db.Units.CountAsync(Cancellation),
            await db.Targets.CountAsync(Cancellation),
            await db.PolicyDocuments.CountAsync(Cancellation),
            await db.Conferences.CountAsync(Cancellation),
            await db.AttendanceReports.CountAsync(Cancellation),
            await db.TrainingCourses.CountAsync(Cancellation));
    }

    private sealed record FoundForm(string User, string Page, string Action, Dictionary<string, string> Fields);
}
