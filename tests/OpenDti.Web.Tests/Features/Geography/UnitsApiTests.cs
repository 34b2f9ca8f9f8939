using System.Net;
using System.Text;
using System.Text.Json;

namespace OpenDti.Web.Tests.Features.Geography;

/// <summary><c>/api/v1/units</c> on the real 2025 mergers, read as a script reads the JSON.</summary>
public sealed class UnitsApiTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task ProvincesOnTheMergerDay_AreExactly34()
    {
        using var client = app.CreateClient();

        var provinces = await client.GetJsonAsync("/api/v1/units?level=province&on=2025-07-01");

        Assert.Equal(34, provinces.GetArrayLength());
        Assert.All(provinces.EnumerateArray(), p => Assert.Equal("province", p.Text("level")));
    }

    [Fact]
    public async Task ProvincesBeforeTheMerger_AreExactly63()
    {
        using var client = app.CreateClient();

        var provinces = await client.GetJsonAsync("/api/v1/units?level=province&on=2024-12-31");

        Assert.Equal(63, provinces.GetArrayLength());
        Assert.All(provinces.EnumerateArray(), p => Assert.Equal("2025-06-30", p.Text("validTo")));
    }

    [Fact]
    public async Task NoDate_MeansThePinnedToday()
    {
        using var client = app.CreateClient();

        var provinces = await client.GetJsonAsync("/api/v1/units?level=province");

        Assert.Equal(34, provinces.GetArrayLength());
    }

    [Fact]
    public async Task NoLevel_ListsTheNationToo()
    {
        using var client = app.CreateClient();

        var units = await client.GetJsonAsync("/api/v1/units?on=2025-07-01");

        // 1 nation + 34 provinces, nation first
        Assert.Equal(35, units.GetArrayLength());
        Assert.Equal("VN", units[0].Text("code"));
        Assert.Equal("nation", units[0].Text("level"));
    }

    [Theory]
    [InlineData("2024-12-31", "Tỉnh Đắk Lắk")]
    [InlineData("2024-12-31", "Tỉnh Hoà Bình")]
    [InlineData("2025-07-01", "Tỉnh Đắk Lắk")]
    [InlineData("2025-07-01", "Thành phố Hồ Chí Minh")]
    public async Task ProvinceNames_AreNfcAndSpelledAsEnacted(string on, string expected)
    {
        using var client = app.CreateClient();

        var provinces = await client.GetJsonAsync($"/api/v1/units?level=province&on={on}");

        var names = provinces.EnumerateArray().Select(p => p.Text("name")!).ToList();
        Assert.All(names, name => Assert.True(name.IsNormalized(NormalizationForm.FormC), $"'{name}' is not NFC"));
        Assert.Contains(expected.Normalize(NormalizationForm.FormC), names);
    }

    [Fact]
    public async Task MergedProvince_ListsItsThreePredecessors()
    {
        using var client = app.CreateClient();

        var unit = await client.GetJsonAsync("/api/v1/units/25");

        Assert.Equal("25", unit.Text("code"));
        Assert.Equal("Tỉnh Phú Thọ", unit.Text("name"));
        Assert.Equal("province", unit.Text("level"));
        Assert.Equal("2025-07-01", unit.Text("validFrom"));
        Assert.Null(unit.Text("validTo"));
        var predecessors = unit.GetProperty("predecessors").EnumerateArray().ToList();
        Assert.Equal(["17", "25", "26"], predecessors.Select(p => p.Text("code")!).Order(StringComparer.Ordinal));
        Assert.All(predecessors, p => Assert.Equal("merge", p.Text("kind")));
        Assert.All(predecessors, p => Assert.Equal("2025-07-01", p.Text("effectiveDate")));
        Assert.Empty(unit.GetProperty("successors").EnumerateArray());
    }

    [Fact]
    public async Task UnchangedProvince_IsARenameOfItself()
    {
        using var client = app.CreateClient();

        var unit = await client.GetJsonAsync("/api/v1/units/01");

        Assert.Equal("Thành phố Hà Nội", unit.Text("name"));
        var predecessor = Assert.Single(unit.GetProperty("predecessors").EnumerateArray().ToList());
        Assert.Equal("01", predecessor.Text("code"));
        Assert.Equal("rename", predecessor.Text("kind"));
        Assert.Equal(1.0, predecessor.GetProperty("share").GetDouble());
    }

    [Fact]
    public async Task MergedAwayCode_FindsTheLastUnitThatHadIt()
    {
        using var client = app.CreateClient();

        var unit = await client.GetJsonAsync("/api/v1/units/02");

        Assert.Equal("Tỉnh Hà Giang", unit.Text("name"));
        Assert.Equal("2025-06-30", unit.Text("validTo"));
        var successor = Assert.Single(unit.GetProperty("successors").EnumerateArray().ToList());
        Assert.Equal("08", successor.Text("code"));
        Assert.Equal("Tỉnh Tuyên Quang", successor.Text("name"));
        Assert.Equal("2025-07-01", successor.Text("effectiveDate"));
        Assert.Equal("merge", successor.Text("kind"));
    }

    [Fact]
    public async Task CodeOnADateBeforeTheMerger_FindsTheOldProvince()
    {
        using var client = app.CreateClient();

        var unit = await client.GetJsonAsync("/api/v1/units/08?on=2025-06-30");

        Assert.Equal("Tỉnh Tuyên Quang", unit.Text("name"));
        Assert.Null(unit.Text("validFrom"));
        Assert.Equal("2025-06-30", unit.Text("validTo"));
        Assert.Equal("08", Assert.Single(unit.GetProperty("successors").EnumerateArray().ToList()).Text("code"));
    }

    [Fact]
    public async Task CodeOnADateAfterTheMerger_FindsTheNewProvince()
    {
        using var client = app.CreateClient();

        var unit = await client.GetJsonAsync("/api/v1/units/08?on=2025-07-01");

        Assert.Equal("2025-07-01", unit.Text("validFrom"));
        Assert.Equal(["Tỉnh Hà Giang", "Tỉnh Tuyên Quang"], unit.GetProperty("predecessors").EnumerateArray().Select(p => p.Text("name")!));
    }

    [Fact]
    public async Task UnknownLevel_Is400WithTheLevelError()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/units?level=bad", HttpStatusCode.BadRequest);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var error = Assert.Single(problem.GetProperty("errors").GetProperty("level").EnumerateArray().ToList()).GetString();
        Assert.Contains("province", error, StringComparison.Ordinal);
        Assert.Contains("'bad'", error, StringComparison.Ordinal);
        Assert.False(problem.GetProperty("errors").TryGetProperty("on", out _));
    }

    [Theory]
    [InlineData("/api/v1/units?on=31/12/2024")]
    [InlineData("/api/v1/units?level=province&on=2024-13-01")]
    [InlineData("/api/v1/units/25?on=31/12/2024")]
    public async Task DateNotIso_Is400WithTheOnError(string path)
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync(path, HttpStatusCode.BadRequest);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var error = Assert.Single(problem.GetProperty("errors").GetProperty("on").EnumerateArray().ToList()).GetString();
        Assert.Contains("yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadLevelAndBadDate_AreReportedTogether()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/units?level=bad&on=yesterday", HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["level", "on"], errors);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("99")]
    [InlineData("not%20a%20code")]
    public async Task UnknownCode_Is404Problem(string code)
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync($"/api/v1/units/{code}", HttpStatusCode.NotFound);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("title").ValueKind);
        Assert.Contains($"'{Uri.UnescapeDataString(code)}'", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeBeforeItExisted_Is404()
    {
        using var client = app.CreateClient();

        // Hà Giang (02) ended on 2025-06-30 and no unit took its code.
        var problem = await client.GetJsonAsync("/api/v1/units/02?on=2025-07-01", HttpStatusCode.NotFound);

        Assert.Contains("2025-07-01", problem.Text("detail"), StringComparison.Ordinal);
    }
}
