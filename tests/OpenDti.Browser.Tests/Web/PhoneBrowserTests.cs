using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenDti.Browser.Tests.Web;

/// <summary>
/// The public pages on a small phone: nothing makes the page itself scroll sideways (wide tables scroll in
/// their own box), the menu and the language switch stay reachable, and the figures are readable.
/// </summary>
public sealed class PhoneBrowserTests(BrowserApp app, DemoBrowserApp demo) : BrowserTest(app), IClassFixture<DemoBrowserApp>
{
    [BrowserTheory]
    [InlineData("/rankings", "Xếp hạng")]
    [InlineData("/map", "Bản đồ")]
    [InlineData("/units/01", "Thành phố Hà Nội")]
    [InlineData("/compare?units=01,79&period=2024", "So sánh")]
    [InlineData("/units", "Tỉnh, thành phố")]
    public async Task PublicPage_FitsAPhoneScreen(string path, string heading)
    {
        var phone = await NewPersonAsync(demo.Address, Phone);

        await phone.GotoAsync(new Uri(demo.Address, path).ToString());

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        // A phone widens the layout to fit content that overflows, so compare with the screen, not innerWidth.
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var culprits = width <= Phone.Width ? [] : await phone.EvaluateAsync<string[]>(
            """
            limit => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit && !e.closest('.table-scroll'))
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > limit))
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).replaceAll(' ', '.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """,
            Phone.Width);
        Assert.True(width <= Phone.Width, $"{path} is {width} px wide on a {Phone.Width} px screen; too wide: {string.Join(", ", culprits)}.");
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true })).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Xếp hạng", Exact = true })).ToBeAttachedAsync();
        await phone.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserApp.ArtifactsDirectory, $"PhoneBrowserTests{path.Split('?')[0].Replace('/', '_')}.png"),
            FullPage = true,
        });
    }
}
