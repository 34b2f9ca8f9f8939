using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.DataEntry;

/// <summary>
/// The whole reporting loop in two browsers: a commune official fills the 2025 form, attaches evidence and
/// submits; the province's reviewer returns it with a reason; the official corrects and submits again; the
/// reviewer approves and the values lock; the audit trail shows every step, who took it and why.
/// </summary>
public sealed class ReportLoopBrowserTests(BrowserApp app, EntryBrowserApp entry) : BrowserTest(app), IClassFixture<EntryBrowserApp>
{
    private const string TotalLabel = "Tổng số hồ sơ công việc tại cấp xã";
    private const string OnlineLabel = "Số hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng";
    private const string ReturnReason = "Số hồ sơ xử lý trên môi trường mạng chưa khớp với Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.";

    [BrowserFact]
    public async Task Report_GoesFromDraftThroughReturnToApproved_AndTheAuditTrailShowsEveryStep()
    {
        // The official fills the form, attaches the signed report and submits.
        await SignInAsync(Page, EntryBrowserApp.User, "Việc của tôi");
        await Page.GotoAsync(entry.At($"/data/CT749_COMMUNE/2025/{EntryBrowserApp.Commune}"));
        await Page.GetByLabel(TotalLabel, new() { Exact = true }).FillAsync("1234");
        await Page.GetByLabel(OnlineLabel, new() { Exact = true }).FillAsync("800");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp 2 giá trị.");

        await Page.GetByLabel("Tệp (PDF, PNG, JPEG, XLSX, DOCX hoặc CSV; tối đa 10 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "bao-cao-ky-so.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đính kèm" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "bao-cao-ky-so.pdf" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Nộp để duyệt" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nộp để duyệt.");
        await Expect(Page.GetByLabel(TotalLabel, new() { Exact = true })).ToHaveCountAsync(0);

        // The reviewer, in a browser of their own, finds it, sees the evidence and returns it with a reason.
        var reviewer = await NewPersonAsync(entry.Address);
        await SignInAsync(reviewer, EntryBrowserApp.Reviewer, null);
        await reviewer.GotoAsync(entry.At("/data/review"));
        await reviewer.GetByRole(AriaRole.Link, new() { Name = EntryBrowserApp.CommuneName }).First.ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(EntryBrowserApp.CommuneName);
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "bao-cao-ky-so.pdf" })).ToBeVisibleAsync();
        var reviewUrl = reviewer.Url;
        await reviewer.GetByLabel("Lý do trả lại (bắt buộc; đơn vị báo cáo sẽ thấy)").FillAsync(ReturnReason);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Trả lại để sửa" }).ClickAsync();
        await Expect(reviewer.Locator("dl.facts")).ToContainTextAsync("Bị trả lại");

        // The official sees the reason, corrects the figure and submits again.
        await Page.ReloadAsync();
        await Expect(Page.GetByText(ReturnReason).First).ToBeVisibleAsync();
        var online = Page.GetByLabel(OnlineLabel, new() { Exact = true });
        await Expect(online).ToHaveValueAsync("800");
        await online.FillAsync("820");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp 1 giá trị.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nộp để duyệt" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nộp để duyệt.");

        // The reviewer sees the corrected value and approves; the report locks.
        await reviewer.GotoAsync(reviewUrl);
        var onlineRow = reviewer.Locator("table.changes tbody tr").Filter(new() { HasText = "WORK_DOSSIERS_COMMUNE_ONLINE" });
        await Expect(onlineRow).ToContainTextAsync("820");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Duyệt và khoá" }).ClickAsync();
        await Expect(reviewer.Locator("dl.facts")).ToContainTextAsync("Đã duyệt");
        await Page.ReloadAsync();
        await Expect(Page.GetByText("Đã duyệt (khoá)").First).ToBeVisibleAsync();
        await Expect(Page.GetByLabel(OnlineLabel, new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Nộp để duyệt" })).ToHaveCountAsync(0);

        // The audit trail: both values of the online figure with who and how, and every step of the submission.
        await reviewer.GotoAsync(entry.At($"/data/audit?unit={EntryBrowserApp.Commune}&period=2025"));
        var changes = reviewer.Locator("table.audit tbody tr");
        await Expect(changes).ToHaveCountAsync(3);
        var correction = changes.Filter(new() { HasText = "WORK_DOSSIERS_COMMUNE_ONLINE" }).First;
        await Expect(correction).ToContainTextAsync("800");
        await Expect(correction).ToContainTextAsync("820");
        await Expect(correction).ToContainTextAsync(EntryBrowserApp.User);
        await Expect(correction).ToContainTextAsync("Biểu mẫu web");
        var steps = reviewer.Locator("table.history tbody tr");
        await Expect(steps.Filter(new() { HasText = ReturnReason })).ToHaveCountAsync(1);
        await Expect(steps.Filter(new() { HasText = EntryBrowserApp.Reviewer })).ToHaveCountAsync(2);
        var attached = steps.Filter(new() { HasText = "bao-cao-ky-so.pdf" });
        await Expect(attached).ToContainTextAsync("Đính kèm minh chứng");
        await Expect(attached).ToContainTextAsync("Biểu mẫu web");
        await Expect(steps.Filter(new() { HasText = "Nộp để duyệt" }).First).ToContainTextAsync("Biểu mẫu web");
        var text = await reviewer.Locator("table.history").InnerTextAsync();
        Assert.Equal(2, Regex.Count(text, "Nộp để duyệt"));
        Assert.Contains("Duyệt và khoá", text, StringComparison.Ordinal);
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ArtifactsDirectory, "ReportLoopBrowserTests.AuditTrail.png"), FullPage = true });
    }

    private async Task SignInAsync(IPage page, string user, string? expectedHeading)
    {
        await page.GotoAsync(entry.At("/account/sign-in?ReturnUrl=%2Fdata"));
        await page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await page.GetByLabel("Mật khẩu").FillAsync(EntryBrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/sign-in"));
        if (expectedHeading is not null)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = expectedHeading, Level = 1 })).ToBeVisibleAsync();
        }
    }
}
