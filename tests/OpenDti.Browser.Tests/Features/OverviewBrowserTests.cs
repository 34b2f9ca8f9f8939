using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Features;

public sealed class OverviewBrowserTests(BrowserApp app) : BrowserTest(app)
{
    [BrowserFact]
    public async Task Overview_ShowsProvincesTodayAndBeforeTheMerger()
    {
        await Page.GotoAsync("/");

        await Expect(Card("Tỉnh, thành phố hiện nay").GetByText("34", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Card("Tỉnh, thành phố trước sáp nhập").GetByText("63", new() { Exact = true })).ToBeVisibleAsync();
    }

    private ILocator Card(string heading) =>
        Page.GetByRole(AriaRole.Article).Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });
}
