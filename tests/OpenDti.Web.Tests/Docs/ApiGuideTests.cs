namespace OpenDti.Web.Tests.Docs;

/// <summary>
/// docs/api.md, the API guide, cannot fall behind the API: every path of the OpenAPI document is in it, written
/// as the OpenAPI document writes it.
/// </summary>
public sealed class ApiGuideTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task EveryPathOfTheOpenApiDocument_IsInTheGuide()
    {
        using var client = app.CreateClient();
        var openApi = await client.GetJsonAsync("/openapi/v1.json");

        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "api.md"), TestContext.Current.CancellationToken);

        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/rankings", paths);
        Assert.True(paths.Count(p => p.StartsWith("/api/v1/", StringComparison.Ordinal)) >= 9, string.Join(", ", paths));
        var missing = paths.Where(p => !guide.Contains($"`{p}", StringComparison.Ordinal) && !guide.Contains($"GET {p}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/api.md does not mention: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task GuideNamesTheOpenApiDocumentCorsCachingAndTheDemoNotice()
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "api.md"), TestContext.Current.CancellationToken);

        Assert.Contains("/openapi/v1.json", guide, StringComparison.Ordinal);
        Assert.Contains("Access-Control-Allow-Origin: *", guide, StringComparison.Ordinal);
        Assert.Contains("\"notice\": \"dữ liệu minh họa / demo data\"", guide, StringComparison.Ordinal);
        Assert.Contains("## Caching", guide, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OpenDti.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No OpenDti.slnx above {AppContext.BaseDirectory}.");
    }
}
