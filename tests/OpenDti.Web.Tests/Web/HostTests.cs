using System.Net;
using System.Text.Json;

namespace OpenDti.Web.Tests.Web;

/// <summary>What every deployment answers: health, the OpenAPI document, security headers, 404s.</summary>
public sealed class HostTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task Health_Is200Healthy()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenApi_ListsTheUnitsEndpoints()
    {
        using var client = app.CreateClient();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/units/{code}", paths);
        Assert.Equal(JsonValueKind.Object, document.GetProperty("paths").GetProperty("/api/v1/units").GetProperty("get").ValueKind);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/units")]
    [InlineData("/api/v1/units")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/units/ZZ")]
    [InlineData("/frameworks/NO_SUCH_FRAMEWORK")]
    public async Task UnknownPage_Is404(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
