using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Submissions;

/// <summary><c>/data/review</c> and <c>/data/review/{id}</c>: what a reviewer sees and the forms they use, signed in with the cookie.</summary>
public sealed class ReviewPagesTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private readonly ReviewWorld _world = new(app);

    [Fact]
    public async Task Queue_ListsSubmittedReportsOfTheReviewersProvinceOnly()
    {
        var mine = await _world.CommuneAsync(name: "Xã Hy Cương");
        var draft = await _world.CommuneAsync(name: "Xã Chu Hóa");
        var theirs = await _world.CommuneAsync(ReviewWorld.OtherProvince, name: "Xã Đại Từ");
        var id = await _world.SubmittedAsync(mine);
        await _world.DraftAsync(draft);
        await _world.SubmittedAsync(theirs);
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));

        var page = Parse(await reviewer.GetHtmlAsync("/data/review"));

        var links = page.QuerySelectorAll("table.data tbody a").Select(a => (a.TextContent, Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(("Xã Hy Cương", $"/data/review/{id}"), links);
        Assert.DoesNotContain(links, l => l.TextContent is "Xã Chu Hóa" or "Xã Đại Từ");
        Assert.Equal("Báo cáo chờ duyệt", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Queue_WithoutSignIn_RedirectsToTheSignInPage()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/data/review", UriKind.Relative), TestContext.Current.CancellationToken);

        var location = response.Headers.Location!;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=%2Fdata%2Freview", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_ShowsHistoryEvidenceAndTheChangedValues()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.ApprovedAsync(commune);
        var reviewerName = await _world.UserAsync(Role.Reviewer, ReviewWorld.Province);
        using (var api = await app.SignedInClientAsync(reviewerName))
        {
            await ReviewWorld.StepAsync(api, id, "reopen", "Bổ sung hồ sơ tháng 12", HttpStatusCode.OK);
        }

        using (var reporter = await app.SignedInClientAsync(commune.Enterer))
        {
            await ReviewWorld.PutValuesAsync(reporter, commune.Code, ("WORK_DOSSIERS_COMMUNE", 150d));
            await ReviewWorld.StepAsync(reporter, id, "submit", null, HttpStatusCode.OK);
        }

        var evidence = await AttachEvidenceAsync(id, commune.Enterer);
        using var reviewer = await _world.CookieClientAsync(reviewerName);

        var page = Parse(await reviewer.GetHtmlAsync($"/data/review/{id}"));

        var changed = page.QuerySelectorAll("table.changes tbody tr.changed").ToList();
        var row = Assert.Single(changed);
        Assert.Contains("WORK_DOSSIERS_COMMUNE", row.QuerySelector("th")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["120", "150 hồ sơ", "Đã thay đổi"], row.QuerySelectorAll("td").Take(3).Select(c => c.TextContent.Trim()));
        Assert.Contains("1 trên 4 giá trị khác", page.Body?.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "bien-ban-xac-nhan.pdf");
        Assert.Equal($"/data/evidence/{evidence}", link.GetAttribute("href"));
        var steps = page.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(["Bắt đầu nhập", "Nộp để duyệt", "Duyệt và khoá", "Mở lại", "Nộp để duyệt"], steps);
        Assert.Contains("Bổ sung hồ sơ tháng 12", page.QuerySelector("table.history")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form button[type=submit]"));
    }

    [Fact]
    public async Task ApproveForm_LocksTheSubmissionAndSaysSo()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var (token, version) = await FormAsync(reviewer, id, "Approve");

        using var response = await ReviewWorld.PostFormAsync(reviewer, $"/data/review/{id}?handler=Approve", ("__RequestVerificationToken", token), ("Version", version));
        var after = Parse(await reviewer.GetHtmlAsync(response.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Bản nộp đã được duyệt và số liệu đã được khoá.", after.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal(SubmissionStatus.Approved, await StatusAsync(id));
        Assert.NotNull(after.QuerySelector("textarea#reopen-reason"));
        Assert.Contains("Mở lại sẽ mở khoá số liệu cho đơn vị báo cáo", after.QuerySelector("main form")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnForm_WithAnEmptyReason_IsRefusedWithAMessage()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var (token, version) = await FormAsync(reviewer, id, "Return");

        using var response = await ReviewWorld.PostFormAsync(reviewer, $"/data/review/{id}?handler=Return", ("__RequestVerificationToken", token), ("Version", version), ("Reason", "  "));
        var page = Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Hãy nêu lý do: đơn vị báo cáo sẽ thấy lý do này để biết cần sửa gì.", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal("true", page.QuerySelector("textarea#return-reason")?.GetAttribute("aria-invalid"));
        Assert.Equal(SubmissionStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task ReturnForm_WithAReason_SendsItBack()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var (token, version) = await FormAsync(reviewer, id, "Return");

        using var response = await ReviewWorld.PostFormAsync(
            reviewer, $"/data/review/{id}?handler=Return", ("__RequestVerificationToken", token), ("Version", version), ("Reason", "Số hồ sơ trực tuyến lớn bất thường, đề nghị kiểm tra."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SubmissionStatus.Returned, await StatusAsync(id));
        await using var db = app.OpenContext();
        Assert.Equal("Số hồ sơ trực tuyến lớn bất thường, đề nghị kiểm tra.", db.Submissions.Single(s => s.Id == id).ReviewComment);
    }

    [Fact]
    public async Task TwoReviewersAtOnce_TheSecondIsToldSomeoneActedMeanwhile()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var first = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        using var second = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var (firstToken, firstVersion) = await FormAsync(first, id, "Approve");
        var (secondToken, secondVersion) = await FormAsync(second, id, "Return");

        using var approved = await ReviewWorld.PostFormAsync(first, $"/data/review/{id}?handler=Approve", ("__RequestVerificationToken", firstToken), ("Version", firstVersion));
        using var late = await ReviewWorld.PostFormAsync(
            second, $"/data/review/{id}?handler=Return", ("__RequestVerificationToken", secondToken), ("Version", secondVersion), ("Reason", "Thiếu chữ ký"));
        var page = Parse(await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(
            "Trong lúc bạn xem, người khác đã xử lý bản nộp này: trạng thái hiện là “Đã duyệt”. Trang đã hiển thị lại theo tình trạng mới; hãy xem lại trước khi thao tác.",
            page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(SubmissionStatus.Approved, await StatusAsync(id));
    }

    [Fact]
    public async Task FormPostWithoutTheAntiforgeryToken_IsRefused()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var (_, version) = await FormAsync(reviewer, id, "Approve");

        using var response = await ReviewWorld.PostFormAsync(reviewer, $"/data/review/{id}?handler=Approve", ("Version", version));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Viewer_SeesTheSubmissionButNoDecisionForm()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var viewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var page = Parse(await viewer.GetHtmlAsync($"/data/review/{id}"));

        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Equal("Đã nộp, chờ duyệt", page.QuerySelector(".facts .status")?.TextContent);
    }

    [Fact]
    public async Task OutsideTheSubtree_TheSubmissionIsNotFound_AndAFormPostChangesNothing()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        var decoy = await _world.SubmittedAsync(await _world.CommuneAsync(ReviewWorld.OtherProvince));
        using var outsider = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.OtherProvince));
        var (token, _) = await FormAsync(outsider, decoy, "Approve");

        using var page = await outsider.GetAsync(new Uri($"/data/review/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var post = await ReviewWorld.PostFormAsync(outsider, $"/data/review/{id}?handler=Approve", ("__RequestVerificationToken", token), ("Version", await VersionAsync(id)));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Submitter_SeesNoApproveButton_AndACraftedPostIsRefused()
    {
        var admin = await _world.UserAsync(Role.ProvinceAdmin, ReviewWorld.Province);
        var own = await _world.DraftAsync(await _world.CommuneAsync());
        using (var api = await app.SignedInClientAsync(admin))
        {
            await ReviewWorld.StepAsync(api, own, "submit", null, HttpStatusCode.OK);
        }

        var someoneElses = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var browser = await _world.CookieClientAsync(admin);
        var (token, _) = await FormAsync(browser, someoneElses, "Approve");

        var page = Parse(await browser.GetHtmlAsync($"/data/review/{own}"));
        using var post = await ReviewWorld.PostFormAsync(browser, $"/data/review/{own}?handler=Approve", ("__RequestVerificationToken", token), ("Version", await VersionAsync(own)));

        Assert.Null(page.QuerySelector("form[action*=Approve]"));
        Assert.Equal("Bạn là người nộp báo cáo này, nên cần một người duyệt khác duyệt hoặc trả lại.", page.QuerySelector(".decide [role=note]")?.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(SubmissionStatus.Submitted, await StatusAsync(own));
    }

    [Fact]
    public async Task ReopenForm_WithoutAReason_IsRefused_WithAReason_UnlocksForTheReporter()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.ApprovedAsync(commune);
        using var reviewer = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var (token, version) = await FormAsync(reviewer, id, "Reopen");

        using var refused = await ReviewWorld.PostFormAsync(reviewer, $"/data/review/{id}?handler=Reopen", ("__RequestVerificationToken", token), ("Version", version), ("Reason", ""));
        using var reopened = await ReviewWorld.PostFormAsync(reviewer, $"/data/review/{id}?handler=Reopen", ("__RequestVerificationToken", token), ("Version", version), ("Reason", "Sở Tài chính đề nghị rà soát lại"));
        using var reporter = await app.SignedInClientAsync(commune.Enterer);
        await ReviewWorld.PutValuesAsync(reporter, commune.Code, ("WORK_DOSSIERS_COMMUNE", 125d));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(SubmissionStatus.Returned, await StatusAsync(id));
    }

    private static async Task<(string Token, string Version)> FormAsync(HttpClient client, long id, string handler)
    {
        var page = Parse(await client.GetHtmlAsync($"/data/review/{id}"));
        var form = page.QuerySelectorAll("main form[method=post]").SingleOrDefault(f => f.GetAttribute("action")?.EndsWith($"handler={handler}", StringComparison.Ordinal) == true)
            ?? throw new Xunit.Sdk.XunitException($"no {handler} form on /data/review/{id}");
        return (form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, form.QuerySelector("input[name=Version]")!.GetAttribute("value")!);
    }

    private async Task<long> AttachEvidenceAsync(long submission, string by)
    {
        await using var db = app.OpenContext();
        byte[] content = [.. "%PDF-1.4 biên bản"u8];
        var evidence = new Evidence
        {
            SubmissionId = submission,
            FileName = "bien-ban-xac-nhan.pdf",
            ContentType = "application/pdf",
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content,
            Actor = new Actor { Name = by, Channel = "form" },
            UploadedAtUtc = app.Time.GetUtcNow().UtcDateTime,
        };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return evidence.Id;
    }

    private async Task<SubmissionStatus> StatusAsync(long id)
    {
        await using var db = app.OpenContext();
        return db.Submissions.Single(s => s.Id == id).Status;
    }

    private async Task<string> VersionAsync(long id)
    {
        await using var db = app.OpenContext();
        return db.Submissions.Single(s => s.Id == id).ConcurrencyToken.ToString();
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
