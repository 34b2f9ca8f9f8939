using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OpenDti.Web.Tests.Web;

/// <summary>
/// A page on another site may read the public API with <c>fetch</c>: GET and HEAD under <c>/api/v1/</c> allow any
/// origin, without credentials; nothing else does, above all no POST or PUT.
/// </summary>
public sealed class CrossOriginReadsTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    private const string Origin = "https://bao-dien-tu.example";

    [Theory]
    [InlineData("/api/v1/rankings?framework=DTI_PROVINCE&period=2025")]
    [InlineData("/api/v1/units?level=province")]
    [InlineData("/api/v1/units/25/profile")]
    [InlineData("/api/v1/maps/provinces")]
    public async Task ApiGet_FromAnotherOrigin_IsAllowedWithoutCredentials(string path)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Origin);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Preflight_ForGet_IsAnsweredWithGetAndHeadOnly()
    {
        using var client = app.CreateClient();
        using var request = Preflight("/api/v1/rankings", "GET");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal(["GET", "HEAD"], Single(response, "Access-Control-Allow-Methods").Split(',').Select(m => m.Trim()).Order(StringComparer.Ordinal));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Preflight_ForAWrite_GetsNoAllowance(string method)
    {
        using var client = app.CreateClient();
        using var request = Preflight("/api/v1/rankings", method);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"), response.ToString());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), response.ToString());
    }

    [Theory]
    [InlineData("/rankings")]
    [InlineData("/rankings.csv?framework=DTI_PROVINCE&period=2025")]
    [InlineData("/health")]
    public async Task OutsideTheApi_NoOriginIsAllowed(string path)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Origin);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    /// <summary>
    /// The rule, not the endpoints of today: write endpoints mapped in the same group as reads (as sign-in and data
    /// entry will be) get no CORS, neither on the preflight nor on the request itself.
    /// </summary>
    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task WriteEndpointInTheSameGroup_GetsNoCors(string method)
    {
        await using var host = await GroupWithReadsAndWritesAsync();
        using var client = host.GetTestClient();
        using var preflight = Preflight("/api/v1/things", method);
        using var write = new HttpRequestMessage(new HttpMethod(method), "/api/v1/things") { Content = new StringContent("x") };
        write.Headers.Add("Origin", Origin);
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/things");
        read.Headers.Add("Origin", Origin);

        using var preflightResponse = await client.SendAsync(preflight, TestContext.Current.CancellationToken);
        using var writeResponse = await client.SendAsync(write, TestContext.Current.CancellationToken);
        using var readResponse = await client.SendAsync(read, TestContext.Current.CancellationToken);

        Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, writeResponse.StatusCode);
        Assert.False(writeResponse.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("*", Single(readResponse, "Access-Control-Allow-Origin"));
    }

    private static async Task<WebApplication> GroupWithReadsAndWritesAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCrossOriginReads();
        var host = builder.Build();
        host.UseRouting();
        host.UseCors();
        var group = host.MapGroup("/api/v1/things").AllowCrossOriginReads();
        group.MapGet("/", () => "read");
        group.MapPost("/", () => "written");
        group.MapPut("/", () => "replaced");
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static HttpRequestMessage Preflight(string path, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? Assert.Single(values) : throw new Xunit.Sdk.XunitException($"no {header} in {response}");
}
