using AngleSharp.Html.Parser;

namespace OpenDti.Web.Tests.Features;

public sealed class OverviewPageTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task Overview_ShowsProvincesTodayAndBeforeTheMerger()
    {
        using var client = app.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetHtmlAsync("/"));

        var figures = page.QuerySelectorAll("article")
            .ToDictionary(a => a.QuerySelector("h3")!.TextContent, a => a.QuerySelector("h3 + p")!.TextContent, StringComparer.Ordinal);
        Assert.Equal("34", figures["Tỉnh, thành phố hiện nay"]);
        Assert.Equal("63", figures["Tỉnh, thành phố trước sáp nhập"]);
    }
}
