using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Web;

public sealed class LanguageBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [BrowserFact]
    public async Task PersonSwitchesToEnglishAndBack()
    {
        await Page.GotoAsync("/units");
        var navigation = Page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Tổng quan", Exact = true })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/units$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Provinces and cities", Level = 1 })).ToBeVisibleAsync();
        var english = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(english.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh, thành phố", Level = 1 })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Tổng quan", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
    }
}
