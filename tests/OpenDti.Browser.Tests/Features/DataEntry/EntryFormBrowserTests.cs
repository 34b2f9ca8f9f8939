using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.DataEntry;

/// <summary>A commune official fills the 2025 form: checked while typing, typing kept across a closed page, a colleague's save shown.</summary>
public sealed class EntryFormBrowserTests(BrowserApp app, EntryBrowserApp entry) : BrowserTest(app), IClassFixture<EntryBrowserApp>
{
    private const string TotalLabel = "Tổng số hồ sơ công việc tại cấp xã";
    private const string OnlineLabel = "Số hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng";

    [BrowserFact]
    public async Task Official_IsCheckedWhileTyping_GetsUnsavedInputBack_AndSeesAColleaguesNewerValue()
    {
        await SignInAsync();
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Quá hạn 14 ngày" }).GetByRole(AriaRole.Link, new() { Name = EntryBrowserApp.CommuneName }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(EntryBrowserApp.CommuneName);
        var formUrl = Page.Url;
        var total = Page.GetByLabel(TotalLabel, new() { Exact = true });
        var online = Page.GetByLabel(OnlineLabel, new() { Exact = true });

        // Inline checks, with the bounds the server renders: whole numbers, ambiguous grouping, the minimum.
        await total.FillAsync("12,5");
        await total.BlurAsync();
        await Expect(total).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByText("Cần nhập số nguyên.")).ToBeVisibleAsync();
        await total.FillAsync("1.234");
        await total.BlurAsync();
        await Expect(Page.GetByText("'1.234' có thể hiểu theo hai cách: viết 1234 nếu là số nguyên, hoặc 1,234 nếu là số thập phân.")).ToBeVisibleAsync();
        await online.FillAsync("-5");
        await online.BlurAsync();
        await Expect(Page.GetByText("Cần số nguyên, tối thiểu 0.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Expect(total).ToBeFocusedAsync();
        await Expect(Page).ToHaveURLAsync(formUrl);
        await total.FillAsync("1234");
        await total.BlurAsync();
        await online.FillAsync("800");
        await online.BlurAsync();
        await Expect(total).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(online).ToHaveAttributeAsync("aria-invalid", "false");

        // The page is left without saving; coming back offers the typing again.
        await Page.GotoAsync(entry.At("/data"));
        await Page.GotoAsync(formUrl);
        var prompt = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Bạn có dữ liệu chưa lưu từ" });
        await Expect(prompt).ToBeVisibleAsync();
        await Expect(total).ToHaveValueAsync(string.Empty);
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Khôi phục" }).ClickAsync();
        await Expect(prompt).ToBeHiddenAsync();
        await Expect(total).ToHaveValueAsync("1234");
        await Expect(online).ToHaveValueAsync("800");

        // Meanwhile a colleague's system pushes the same value through the API.
        await ColleagueSavesAsync(1500);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();

        await Expect(Page.GetByText($"{EntryBrowserApp.Colleague} đã lưu 1.500 lúc 10:00 15/03/2026; giá trị của bạn là 1.234.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(total).ToHaveValueAsync("1234");
        await Expect(online).ToHaveValueAsync("800");

        // Saving again, having seen the colleague's value, keeps the official's; the kept typing is forgotten.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu nháp 2 giá trị.");
        await Expect(total).ToHaveValueAsync("1234");
        await Page.ReloadAsync();
        await Expect(total).ToHaveValueAsync("1234");
        await Expect(Page.GetByText("Bạn có dữ liệu chưa lưu từ")).ToBeHiddenAsync();
    }

    private async Task SignInAsync()
    {
        await Page.GotoAsync(entry.At("/data"));
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await Page.GetByLabel("Tên đăng nhập").FillAsync(EntryBrowserApp.User);
        await Page.GetByLabel("Mật khẩu").FillAsync(EntryBrowserApp.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Việc của tôi", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task ColleagueSavesAsync(double value)
    {
        using var client = new HttpClient { BaseAddress = entry.Address };
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = EntryBrowserApp.Colleague, password = EntryBrowserApp.Password }, Cancellation);
        token.EnsureSuccessStatusCode();
        var bearer = (await token.Content.ReadFromJsonAsync<TokenBody>(Cancellation))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var put = await client.PutAsJsonAsync(
            "/api/v1/datavalues",
            new[] { new { unit = EntryBrowserApp.Commune, measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value } },
            Cancellation);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Cancellation));
    }

    private sealed record TokenBody(string Token);
}
