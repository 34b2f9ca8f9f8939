using System.Net;
using System.Text.Json;

namespace OpenDti.Web.Tests;

/// <summary>Reads responses the way a user's script does: status, media type, then the JSON.</summary>
internal static class HttpAssertions
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return await response.ReadJsonAsync(expected, expected == HttpStatusCode.OK ? "application/json" : "application/problem+json");
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected, string mediaType)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<string> GetHtmlAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>The string value of <paramref name="name"/>, or null when it is JSON null; fails when it is missing.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.GetString()
            : throw new Xunit.Sdk.XunitException($"no property '{name}' in {element}");
}
