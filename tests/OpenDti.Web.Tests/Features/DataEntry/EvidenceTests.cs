using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Features.DataEntry;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>
/// Evidence files on the entry form, tried as a careful user and as a malicious one: types decided from the
/// bytes, size and count limits, names stripped of paths, downloads that can never run, and every upload,
/// download and removal checked against the person's rights and the submission's state.
/// </summary>
public abstract class EvidenceTests(OpenDtiApp app)
{
    private const string Total = "WORK_DOSSIERS_COMMUNE";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pdf_IsAttached_AndDownloadsAsAnAttachmentThatCannotRun()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));

        using var response = await client.UploadAsync(page, Form(commune), "Báo cáo quý 4.pdf", EvidenceSamples.Pdf);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(Form(commune));
        var link = after.QuerySelector("#evidence tbody a")!;
        Assert.Equal("Báo cáo quý 4.pdf", link.TextContent);
        Assert.Contains("Cả bản nộp", after.QuerySelector("#evidence tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã đính kèm Báo cáo quý 4.pdf.", after.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);

        using var download = await client.GetStatusAsync(link.GetAttribute("href")!, HttpStatusCode.OK);

        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Báo cáo quý 4.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(download.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(EvidenceSamples.Pdf, await download.Content.ReadAsByteArrayAsync(Cancellation));
        var history = await HistoryAsync(commune);
        Assert.Equal([SubmissionAction.Started, SubmissionAction.EvidenceAdded], history.Select(e => e.Action).ToArray());
        Assert.Equal($"Báo cáo quý 4.pdf ({EvidenceSamples.Pdf.Length} bytes, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(EvidenceSamples.Pdf))})", history[1].Comment);
        Assert.Equal(user, history[1].Actor.Name);
    }

    [Fact]
    public async Task FileForAMeasure_IsCountedBesideThatField()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));

        using var response = await client.UploadAsync(page, Form(commune), "anh-chup.png", EvidenceSamples.Png, "image/png", measure: Total);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(Form(commune));
        Assert.Contains("1 tệp minh chứng", after.QuerySelector($"#h-{Total}")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tổng số hồ sơ công việc tại cấp xã", after.QuerySelector("#evidence tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlRenamedPdf_IsRefused_SayingWhatWasFoundAndWhatIsAllowed()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));

        using var response = await client.UploadAsync(page, Form(commune), "bao-cao.pdf", EvidenceSamples.Html, "application/pdf");

        var refused = await response.ReadPageAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(
            "Tệp 'bao-cao.pdf' không được đính kèm: nội dung là mã HTML hoặc XML (các byte đầu 3C 21 44 4F 43 54 59 50). Chỉ nhận: PDF, PNG, JPEG, XLSX, DOCX, CSV (UTF-8).",
            refused.Alerts(),
            StringComparison.Ordinal);
        Assert.Equal(0, await EvidenceCountAsync(commune));
    }

    [Fact]
    public async Task FileOverTenMegabytes_IsRefused()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));
        var big = new byte[EvidenceFiles.MaxBytes + 1];
        EvidenceSamples.Pdf.CopyTo(big, 0);

        using var response = await client.UploadAsync(page, Form(commune), "lon.pdf", big);

        var refused = await response.ReadPageAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Tệp 'lon.pdf' lớn hơn 10 MB; hãy đính kèm tệp nhỏ hơn.", refused.Alerts(), StringComparison.Ordinal);
        Assert.Equal(0, await EvidenceCountAsync(commune));
    }

    [Fact]
    public async Task PathInTheFileName_IsDropped()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));

        using var response = await client.UploadAsync(page, Form(commune), "../../../etc/cron.d/so-lieu.csv", EvidenceSamples.Csv, "text/csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(Form(commune));
        var link = after.QuerySelector("#evidence tbody a")!;
        Assert.Equal("so-lieu.csv", link.TextContent);
        using var download = await client.GetStatusAsync(link.GetAttribute("href")!, HttpStatusCode.OK);
        Assert.Equal("so-lieu.csv", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Workbook_ClaimedAsHtml_IsKeptAsAWorkbook()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));

        using var response = await client.UploadAsync(page, Form(commune), "bang-tinh.xlsx", EvidenceSamples.Xlsx(), "text/html");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(Form(commune));
        using var download = await client.GetStatusAsync(after.QuerySelector("#evidence tbody a")!.GetAttribute("href")!, HttpStatusCode.OK);
        Assert.Equal(EvidenceTypes.Xlsx, download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TwentyFirstFile_IsRefused()
    {
        var (commune, user) = await CommuneWithUserAsync("19");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));
        for (var i = 1; i <= EvidenceFiles.MaxFiles; i++)
        {
            using var accepted = await client.UploadAsync(page, Form(commune), $"tep-{i}.csv", EvidenceSamples.Csv, "text/csv");
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var response = await client.UploadAsync(page, Form(commune), "tep-21.csv", EvidenceSamples.Csv, "text/csv");

        var refused = await response.ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Contains("Mỗi bản nộp có tối đa 20 tệp minh chứng; hãy gỡ bớt một tệp trước.", refused.Alerts(), StringComparison.Ordinal);
        Assert.Equal(20, await EvidenceCountAsync(commune));
    }

    [Fact]
    public async Task FileForAMeasureOfAnotherForm_IsRefused()
    {
        var (commune, user) = await CommuneWithUserAsync("19");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));

        using var response = await client.UploadAsync(page, Form(commune), "gdp.pdf", EvidenceSamples.Pdf, measure: "GRDP");

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Hãy chọn một chỉ tiêu của biểu mẫu này, hoặc cả bản nộp.", refused.Alerts(), StringComparison.Ordinal);
        Assert.Equal(0, await EvidenceCountAsync(commune));
    }

    [Fact]
    public async Task NoFile_IsRefused()
    {
        var (commune, user) = await CommuneWithUserAsync("19");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await client.PostAsync(
            new Uri(Form(commune) + "?handler=Upload", UriKind.Relative),
            new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } },
            Cancellation);

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Hãy chọn một tệp để đính kèm.", refused.Alerts(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCommunesUser_CanNeitherAttachNorDownloadNorRemove()
    {
        var (commune, user) = await CommuneWithUserAsync("20");
        var (neighbour, intruder) = await CommuneWithUserAsync("20");
        var id = await AttachAsync(commune, user);
        using var client = await app.SignedInBrowserAsync(intruder);
        var ownPage = await client.PageAsync(Form(neighbour));

        using var upload = await client.UploadAsync(ownPage, Form(commune), "chen.pdf", EvidenceSamples.Pdf);
        using var download = await client.GetStatusAsync(EntryPaths.Evidence(id), HttpStatusCode.NotFound);
        using var remove = await RemoveAsync(client, ownPage, commune, id);

        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(1, await EvidenceCountAsync(commune));
    }

    [Fact]
    public async Task RemovingAFileOfAnotherForm_ThroughYourOwnForm_IsNotFound()
    {
        var (commune, user) = await CommuneWithUserAsync("20");
        var (neighbour, intruder) = await CommuneWithUserAsync("20");
        var id = await AttachAsync(commune, user);
        using var client = await app.SignedInBrowserAsync(intruder);
        var ownPage = await client.PageAsync(Form(neighbour));

        using var remove = await RemoveAsync(client, ownPage, neighbour, id);

        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(1, await EvidenceCountAsync(commune));
    }

    [Fact]
    public async Task Viewer_CanDownload_ButNeitherAttachNorRemove()
    {
        var (commune, user) = await CommuneWithUserAsync("22");
        var id = await AttachAsync(commune, user);
        var viewer = TestNames.User(Role.Viewer);
        await app.AddUserAsync(viewer, Role.Viewer, "22");
        using var client = await app.SignedInBrowserAsync(viewer);
        var page = await client.PageAsync(Form(commune));

        // The form offers a viewer nothing to post; a token of the viewer's own session comes from another page.
        var tokenPage = await client.PageAsync("/account/sign-in");
        using var download = await client.GetStatusAsync(EntryPaths.Evidence(id), HttpStatusCode.OK);
        using var upload = await client.UploadAsync(tokenPage, Form(commune), "xem.pdf", EvidenceSamples.Pdf);
        using var remove = await RemoveAsync(client, tokenPage, commune, id);

        Assert.Null(page.QuerySelector("#upload-form"));
        Assert.Empty(page.QuerySelectorAll("#evidence form"));
        Assert.Contains("Bạn không có quyền đính kèm hoặc gỡ tài liệu minh chứng", (await upload.ReadPageAsync(HttpStatusCode.Forbidden)).Alerts(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(1, await EvidenceCountAsync(commune));
    }

    [Fact]
    public async Task SentSubmission_RefusesNewFilesAndRemovals()
    {
        var (commune, user) = await CommuneWithUserAsync("24");
        var id = await AttachAsync(commune, user);
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));
        await app.SetSubmissionAsync("CT749_COMMUNE", commune, "2025", SubmissionStatus.Submitted);

        using var upload = await client.UploadAsync(page, Form(commune), "muon.pdf", EvidenceSamples.Pdf);
        using var remove = await RemoveAsync(client, page, commune, id);

        Assert.Contains("không thể thay đổi tài liệu minh chứng nữa", (await upload.ReadPageAsync(HttpStatusCode.Conflict)).Alerts(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Equal(1, await EvidenceCountAsync(commune));
        var locked = await client.PageAsync(Form(commune));
        Assert.NotNull(locked.QuerySelector("#evidence tbody a"));
        Assert.Empty(locked.QuerySelectorAll("#evidence form"));
    }

    [Fact]
    public async Task Removing_WhileOpen_DeletesTheFile_AndTheHistoryKeepsItsName()
    {
        var (commune, user) = await CommuneWithUserAsync("31");
        var id = await AttachAsync(commune, user);
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));

        using var remove = await client.SubmitAsync(page, "#evidence form.inline", []);

        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Equal(0, await EvidenceCountAsync(commune));
        using var gone = await client.GetStatusAsync(EntryPaths.Evidence(id), HttpStatusCode.NotFound);
        var history = await HistoryAsync(commune);
        Assert.Equal(SubmissionAction.EvidenceRemoved, history[^1].Action);
        Assert.StartsWith("bien-ban.pdf (", history[^1].Comment, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Draft, history[^1].StatusAfter);
    }

    [Fact]
    public async Task Anonymous_Download_IsSentToSignIn()
    {
        var (commune, user) = await CommuneWithUserAsync("31");
        var id = await AttachAsync(commune, user);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetStatusAsync(EntryPaths.Evidence(id), HttpStatusCode.Redirect);

        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }

    private static string Form(string commune) => $"/data/CT749_COMMUNE/2025/{commune}";

    private async Task<long> AttachAsync(string commune, string user)
    {
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(Form(commune));
        using var response = await client.UploadAsync(page, Form(commune), "bien-ban.pdf", EvidenceSamples.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.OpenContext();
        return await db.Evidence.OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync(Cancellation);
    }

    private static Task<HttpResponseMessage> RemoveAsync(HttpClient client, IHtmlDocument tokenPage, string commune, long id)
    {
        var token = tokenPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync(
            new Uri(Form(commune) + "?handler=DeleteEvidence", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["EvidenceId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            Cancellation);
    }

    private async Task<int> EvidenceCountAsync(string commune)
    {
        var submission = await app.SubmissionAsync("CT749_COMMUNE", commune, "2025");
        if (submission is null)
        {
            return 0;
        }

        await using var db = app.OpenContext();
        return await db.Evidence.CountAsync(e => e.SubmissionId == submission.Id, Cancellation);
    }

    private async Task<List<SubmissionEvent>> HistoryAsync(string commune)
    {
        var submission = await app.SubmissionAsync("CT749_COMMUNE", commune, "2025");
        await using var db = app.OpenContext();
        return await db.SubmissionEvents.Where(e => e.SubmissionId == submission!.Id).OrderBy(e => e.Id).ToListAsync(Cancellation);
    }

    private async Task<(string Commune, string User)> CommuneWithUserAsync(string province)
    {
        var commune = TestNames.Unit();
        await app.AddCommuneAsync(commune, "Xã Minh Chứng", province);
        var user = TestNames.User(Role.DataEntry);
        await app.AddUserAsync(user, Role.DataEntry, commune);
        return (commune, user);
    }

    public sealed class OnSqlite(OpenDtiApp app) : EvidenceTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : EvidenceTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
