using System.Net;

namespace OpenDti.Web.Tests.Features.Maps;

/// <summary><c>/api/v1/maps/provinces</c>: one square per province valid on the day asked for.</summary>
public sealed class MapsApiTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Theory]
    [InlineData("2024-12-31", 63)]
    [InlineData("2025-06-30", 63)]
    [InlineData("2025-07-01", 34)]
    public async Task Provinces_AreTheUnitsValidThatDay_EachOnce(string on, int expected)
    {
        using var client = app.CreateClient();

        var map = await client.GetJsonAsync($"/api/v1/maps/provinces?on={on}");
        var units = await client.GetJsonAsync($"/api/v1/units?level=province&on={on}");

        var codes = map.GetProperty("tiles").EnumerateArray().Select(t => t.Text("code")).Order(StringComparer.Ordinal).ToList();
        var unitCodes = units.EnumerateArray().Select(u => u.Text("code")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, codes.Count);
        Assert.Equal(unitCodes, codes);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), map.Text("layout"));
    }

    [Fact]
    public async Task After1July2025_TheCodesAreThoseOfTheNewProvinces()
    {
        using var client = app.CreateClient();

        var map = await client.GetJsonAsync("/api/v1/maps/provinces?on=2025-07-01");

        // The 34 of Resolution 202/2025/QH15, each keeping the code of the predecessor with the seat.
        string[] expected =
        [
            "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
            "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96",
        ];
        Assert.Equal(expected, map.GetProperty("tiles").EnumerateArray().Select(t => t.Text("code")).Order(StringComparer.Ordinal));
        Assert.Contains(map.GetProperty("tiles").EnumerateArray(), t => t.Text("code") == "08" && t.Text("name") == "Tỉnh Tuyên Quang");
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2025-07-01")]
    public async Task Squares_NeverOverlapAndStayInsideTheGrid(string on)
    {
        using var client = app.CreateClient();

        var map = await client.GetJsonAsync($"/api/v1/maps/provinces?on={on}");

        var rows = map.GetProperty("rows").GetInt32();
        var columns = map.GetProperty("columns").GetInt32();
        var cells = map.GetProperty("tiles").EnumerateArray().Select(t => (Row: t.GetProperty("row").GetInt32(), Column: t.GetProperty("column").GetInt32())).ToList();
        Assert.Equal(cells.Count, cells.Distinct().Count());
        Assert.All(cells, c => Assert.True(c.Row >= 0 && c.Row < rows && c.Column >= 0 && c.Column < columns, $"{c} outside {rows}×{columns}"));
    }

    [Fact]
    public async Task ProvincesOfADay_MayBeCachedByBrowsersAndProxies()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/maps/provinces?on=2024-12-31", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: not null }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task BadDate_IsAProblemNamingTheParameter()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/maps/provinces?on=31/12/2024", HttpStatusCode.BadRequest);

        Assert.Contains("31/12/2024", problem.GetProperty("errors").GetProperty("on")[0].GetString(), StringComparison.Ordinal);
    }
}
