using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenDti.Domain.Accounts;
using OpenDti.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.Events;

/// <summary>
/// An organiser creates a conference, imports its bridge points and prints the QR sheet; a bridge point opens
/// its link on a phone and reports; the organiser's page shows the new totals without a reload.
/// </summary>
public sealed class EventBrowserTests(BrowserApp browserApp) : BrowserTest(browserApp)
{
    private readonly BrowserApp _app = browserApp;

    private const string Password = "Mật-khẩu-sự-kiện-2026";

    [BrowserFact]
    public async Task Organiser_ImportsPointsAndPrintsQrSheet_PhoneReports_TotalsUpdateLive()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("tran.van.tuyen", Password, Role.ProvinceAdmin, "01", Cancellation));
        }

        await Page.GotoAsync("/account/sign-in?ReturnUrl=%2Fevents");
        await Page.GetByLabel("Tên đăng nhập").FillAsync("tran.van.tuyen");
        await Page.GetByLabel("Mật khẩu").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Tạo sự kiện mới" }).ClickAsync();
        await Page.GetByLabel("Tên sự kiện").FillAsync("Hội nghị trực tuyến về chuyển đổi số cho tổ chức cơ sở đảng");
        await Page.GetByLabel("Bắt đầu (giờ Việt Nam)").FillAsync("2026-12-06T08:00");
        await Page.GetByLabel("Kết thúc (giờ Việt Nam)").FillAsync("2026-12-06T11:00");
        await Page.GetByLabel("Đường dẫn họp trực tuyến").FillAsync("https://meet.example.vn/hoi-nghi");
        await FillTopicAsync(Page.GetByRole(AriaRole.Group, new() { Name = "Chủ đề mới 1" }), "08:00", "Tổng quan về chuyển đổi số", "Nguyễn Văn An", "Giám đốc Sở");
        await FillTopicAsync(Page.GetByRole(AriaRole.Group, new() { Name = "Chủ đề mới 2" }), "09:30", "Phương pháp luận 2-3-5", "Trần Thị Bình", "Phó Giám đốc");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tạo sự kiện" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo sự kiện.");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Phương pháp luận 2-3-5" })).ToBeVisibleAsync();
        var eventUrl = Page.Url.Split('?')[0];
        await Page.GetByLabel("Tệp danh sách điểm cầu").SetInputFilesAsync(new FilePayload
        {
            Name = "diem-cau.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Đơn vị,Địa điểm,Số người dự kiến\r\nĐảng bộ phường Ba Đình,Hội trường phường,60\r\nChi bộ thôn Yên Phụ,Nhà văn hóa thôn,25\r\nĐảng bộ phường Ba Đình,Phòng họp số 2,30\r\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nhập", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã nhập danh sách điểm cầu.");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Chi bộ thôn Yên Phụ" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Cấp đường dẫn điểm danh và in mã QR" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Mã QR đường dẫn điểm danh của điểm cầu 3" })).ToBeVisibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await Page.PdfAsync(new() { Path = Path.Combine(BrowserApp.ArtifactsDirectory, "EventBrowserTests.qr-sheet.pdf"), Format = "A4" });
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "In trang mã QR" })).ToBeHiddenAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        var link = await Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Chi bộ thôn Yên Phụ" }).GetByRole(AriaRole.Link).GetAttributeAsync("href");
        Assert.Matches("/checkin/[A-Za-z0-9_-]{43}$", link);

        await Page.GotoAsync(eventUrl);
        var totals = Page.GetByRole(AriaRole.Region, new() { Name = "Tổng hợp trực tiếp" });
        await Expect(totals).ToContainTextAsync(new Regex(@"Điểm cầu đã báo cáo\s*0 / 3"));
        await using var phone = await _app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var phonePage = await phone.NewPageAsync();
        await phonePage.GotoAsync(link!);
        await Expect(phonePage.GetByText("Điểm cầu 2: Chi bộ thôn Yên Phụ")).ToBeVisibleAsync();
        await phonePage.GetByLabel("Cán bộ, công chức, viên chức").FillAsync("7");
        await phonePage.GetByLabel("Đảng viên").FillAsync("11");
        await phonePage.GetByLabel("Nhân dân").FillAsync("1.204");
        await phonePage.GetByLabel("Ghi chú").FillAsync("Đường truyền ổn định");
        await phonePage.GetByRole(AriaRole.Button, new() { Name = "Gửi số người tham dự" }).TapAsync();
        await Expect(phonePage.GetByRole(AriaRole.Status)).ToContainTextAsync("1222 người");
        Assert.True(await phonePage.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the check-in form fits the phone's width");

        await Expect(totals).ToContainTextAsync(new Regex(@"Điểm cầu đã báo cáo\s*1 / 3"), new() { Timeout = 15_000 });
        await Expect(totals).ToContainTextAsync(new Regex(@"Người tham dự\s*1\.222 / 115"));
        await Expect(totals).ToContainTextAsync(new Regex(@"Đơn vị, tổ chức\s*1 / 2"));
    }

    [BrowserFact]
    public async Task Organiser_EditsTheEvent_RemovesReordersAndAddsTopics()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("le.thi.sua", Password, Role.ProvinceAdmin, "01", Cancellation));
        }

        await Page.GotoAsync("/account/sign-in?ReturnUrl=%2Fevents%2Fnew");
        await Page.GetByLabel("Tên đăng nhập").FillAsync("le.thi.sua");
        await Page.GetByLabel("Mật khẩu").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Page.GetByLabel("Tên sự kiện").FillAsync("Tập huấn kỹ năng số cho cán bộ phường");
        await Page.GetByLabel("Bắt đầu (giờ Việt Nam)").FillAsync("2026-12-10T08:00");
        await Page.GetByLabel("Kết thúc (giờ Việt Nam)").FillAsync("2026-12-10T11:00");
        await Page.GetByLabel("Đường dẫn họp trực tuyến").FillAsync("https://meet.example.vn/tap-huan");
        await FillTopicAsync(Page.GetByRole(AriaRole.Group, new() { Name = "Chủ đề mới 1" }), "08:00", "Khai mạc", "Phạm Văn Hùng", "Phó Chủ tịch UBND");
        await FillTopicAsync(Page.GetByRole(AriaRole.Group, new() { Name = "Chủ đề mới 2" }), "08:30", "Chữ ký số trong công việc", "Đỗ Thu Hà", "Chuyên viên");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tạo sự kiện" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo sự kiện.");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Sửa sự kiện và chương trình" }).ClickAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "Chủ đề 1" }).GetByLabel("Xóa chủ đề này").CheckAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "Chủ đề 2" }).GetByLabel("Thứ tự").FillAsync("2");
        var added = Page.GetByRole(AriaRole.Group, new() { Name = "Chủ đề mới 1" });
        await FillTopicAsync(added, "08:00", "Dịch vụ công trực tuyến toàn trình", "Ngô Minh Khoa", "Trưởng phòng");
        await added.GetByLabel("Thứ tự").FillAsync("1");
        await added.GetByLabel("Đường dẫn tài liệu").FillAsync("https://example.vn/dvc.pdf");
        await Page.GetByLabel("Tên sự kiện").FillAsync("Tập huấn kỹ năng số cho cán bộ phường (đã cập nhật)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu sự kiện.");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tập huấn kỹ năng số cho cán bộ phường (đã cập nhật)", Level = 1 })).ToBeVisibleAsync();
        var topics = Page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Báo cáo viên" }).GetByRole(AriaRole.Row);
        await Expect(topics).ToHaveCountAsync(3);
        await Expect(topics.Nth(1)).ToContainTextAsync("Dịch vụ công trực tuyến toàn trình");
        await Expect(topics.Nth(2)).ToContainTextAsync("Chữ ký số trong công việc");
        await Expect(topics.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Tài liệu" })).ToHaveAttributeAsync("href", "https://example.vn/dvc.pdf");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Khai mạc" })).ToHaveCountAsync(0);
    }

    private static async Task FillTopicAsync(ILocator topic, string time, string title, string speaker, string position)
    {
        await topic.GetByLabel("Giờ").FillAsync(time);
        await topic.GetByLabel("Chủ đề", new() { Exact = true }).FillAsync(title);
        await topic.GetByLabel("Báo cáo viên").FillAsync(speaker);
        await topic.GetByLabel("Chức vụ").FillAsync(position);
    }
}
