using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Values;
using OpenDti.Features.Rankings;

namespace OpenDti.Web.Tests.Web;

/// <summary>
/// Public pages and the read API are served from the output cache until a new index run is stored; each language
/// has its own copy, and a request with a cookie other than the language's is never answered from the cache.
/// </summary>
public sealed class PublicOutputCacheTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Fact]
    public async Task NewIndexRun_IsShownAtOnce_NotTheCachedRanking()
    {
        using var client = app.CreateClient();
        var first = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");
        using var again = await client.GetAsync(new Uri("/api/v1/rankings?framework=DTI_PROVINCE&period=2024", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(again.Headers.Age is not null, "the second request was not answered from the cache");
        Assert.DoesNotContain("chưa chạy phân tích bất định", await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2024"), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<IndexRunner>().RunAsync(
                new IndexRunRequest { FrameworkCode = "DTI_PROVINCE", Period = Period.OfYear(2024), CreatedBy = "test" },
                TestContext.Current.CancellationToken);
            Assert.True(outcome.Run is not null, string.Join("; ", outcome.Problems));
        }

        var after = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");
        Assert.NotEqual(first.GetProperty("runId").GetInt32(), after.GetProperty("runId").GetInt32());
        var page = await client.GetHtmlAsync("/rankings?framework=DTI_PROVINCE&period=2024");
        Assert.Contains("chưa chạy phân tích bất định", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachLanguage_HasItsOwnCopy()
    {
        using var client = app.CreateClient();
        await client.GetHtmlAsync("/map?year=2025");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/map?year=2025");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var english = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("<html lang=\"en\">", await english.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameUnitsInAnotherOrder_AreNotTheCachedComparison()
    {
        using var client = app.CreateClient();
        var first = await client.GetHtmlAsync("/compare?period=2024&units=01&units=79&units=48");

        var second = await client.GetHtmlAsync("/compare?period=2024&units=48&units=79&units=01");

        var hanoi = "<a href=\"/units/01?on=2024-12-31\">";
        var danang = "<a href=\"/units/48?on=2024-12-31\">";
        Assert.True(first.IndexOf(hanoi, StringComparison.Ordinal) < first.IndexOf(danang, StringComparison.Ordinal));
        Assert.True(second.IndexOf(danang, StringComparison.Ordinal) < second.IndexOf(hanoi, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestWithAnotherCookie_IsNeverAnsweredFromTheCache()
    {
        using var client = app.CreateClient();
        await client.GetHtmlAsync("/units/01");
        await client.GetHtmlAsync("/units/01");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/units/01");
        request.Headers.Add("Cookie", "session=someone");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
    }
}
