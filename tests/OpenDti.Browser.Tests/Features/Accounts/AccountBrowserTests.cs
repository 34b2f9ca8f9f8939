using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenDti.Domain.Accounts;
using OpenDti.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features.Accounts;

public sealed partial class AccountBrowserTests(BrowserApp browserApp) : BrowserTest(browserApp)
{
    private readonly IServiceProvider _services = browserApp.Services;

    private const string Password = "Mật-khẩu-trình-duyệt-2026";

    [BrowserFact]
    public async Task PersonSignsIn_CreatesAKeySeenOnce_AndSignsOutEverywhere()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var problems = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("hoang.thi.nga", Password, Role.DataEntry, "01", Cancellation);
            Assert.Empty(problems);
        }

        await Page.GotoAsync("/units");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Tài khoản" }).GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" }).ClickAsync();
        await Page.GetByLabel("Tên đăng nhập").FillAsync("hoang.thi.nga");
        await Page.GetByLabel("Mật khẩu").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        var account = Page.GetByRole(AriaRole.Navigation, new() { Name = "Tài khoản" });
        await Expect(Page).ToHaveURLAsync(new Regex("/units$"));
        await Expect(account.GetByRole(AriaRole.Link, new() { Name = "hoang.thi.nga" })).ToBeVisibleAsync();
        await Expect(account.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true })).ToBeVisibleAsync();

        await account.GetByRole(AriaRole.Link, new() { Name = "hoang.thi.nga" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Người nhập liệu (data-entry)" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Khoá API của tôi" }).ClickAsync();
        await Page.GetByLabel("Tên khoá (hệ thống nào dùng)").FillAsync("Hệ thống một cửa Hà Nội");
        await Page.GetByLabel("Vai trò").SelectOptionAsync(Role.DataEntry);
        await Page.GetByLabel("Mã đơn vị, cách nhau bằng dấu phẩy").FillAsync("01");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tạo khoá" }).ClickAsync();

        var keyBox = Page.GetByLabel("Khoá cho Hệ thống một cửa Hà Nội");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Đã tạo khoá: hãy sao chép ngay" })).ToBeVisibleAsync();
        await Expect(keyBox).ToHaveValueAsync(KeyText());
        var keyText = await keyBox.InputValueAsync();
        await Page.GotoAsync("/account/keys");
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Hệ thống một cửa Hà Nội", Exact = true })).ToBeVisibleAsync();
        await Expect(keyBox).ToHaveCountAsync(0);
        Assert.DoesNotContain(keyText, await Page.ContentAsync(), StringComparison.Ordinal);

        await Page.GotoAsync("/account");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất trên mọi thiết bị" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await Expect(account.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await Page.GotoAsync("/account/keys");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Faccount%2Fkeys$"));
    }

    [GeneratedRegex("^odk_[0-9a-f]{12}_[A-Za-z0-9_-]{40,}$")]
    private static partial Regex KeyText();
}
