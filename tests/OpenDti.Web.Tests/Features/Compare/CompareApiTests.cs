using System.Net;

namespace OpenDti.Web.Tests.Features.Compare;

/// <summary><c>/api/v1/compare</c> on the demo rankings.</summary>
public sealed class CompareApiTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Fact]
    public async Task ThreeUnits_HaveTheRankingsFiguresInTheOrderAsked()
    {
        using var client = app.CreateClient();

        var table = await client.GetJsonAsync("/api/v1/compare?units=79,01,48&framework=DTI_PROVINCE&period=2024");
        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");

        var units = table.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["79", "01", "48"], units.Select(u => u.Text("code")));
        var rows = ranking.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Text("code")!, StringComparer.Ordinal);
        Assert.All(units, u => Assert.Equal(rows[u.Text("code")!].GetProperty("scores").ToString(), u.GetProperty("scores").ToString()));
        Assert.Equal(63, table.GetProperty("unitCount").GetInt32());
        var indicators = table.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(8, indicators.Count);
        Assert.All(indicators, i =>
        {
            var values = i.GetProperty("values").EnumerateArray().Select(v => v.GetDouble() * i.GetProperty("direction").GetInt32()).ToList();
            var best = i.GetProperty("best").EnumerateArray().Select(b => b.GetString()).ToList();
            Assert.Contains(units[values.IndexOf(values.Max())].Text("code"), best);
        });
    }

    [Fact]
    public async Task WithoutPeriod_TheLatestRankedYearIsCompared()
    {
        using var client = app.CreateClient();

        var table = await client.GetJsonAsync("/api/v1/compare?units=01,79");

        Assert.Equal("2025", table.Text("period"));
        Assert.Equal(34, table.GetProperty("unitCount").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/compare?units=01&period=2024", "units", "found 1")]
    [InlineData("/api/v1/compare?period=2024", "units", "found 0")]
    [InlineData("/api/v1/compare?units=01,79,48,31,92,96&period=2024", "units", "found 6")]
    [InlineData("/api/v1/compare?units=01,99&period=2024", "units", "'99'")]
    [InlineData("/api/v1/compare?units=01,01&period=2024", "units", "distinct")]
    [InlineData("/api/v1/compare?units=01,79&period=24", "period", "'24'")]
    public async Task BadParameter_Is400NamingIt(string path, string field, string expected)
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync(path, HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
