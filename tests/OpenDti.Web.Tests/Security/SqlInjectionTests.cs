using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Security;

/// <summary>
/// ASVS 4.0 §5.3.4/§5.3.5 (parameterised queries) and §7.4.1 (generic errors): every GET endpoint of the OpenAPI
/// document gets classic SQL injection payloads in each of its string parameters — query filters and path
/// segments — one at a time. Each answer is 200, 400, 404 (problem details) or 403, never a server error nor a
/// database message, and the store still holds every unit afterwards. The endpoints are read from
/// /openapi/v1.json, so a new endpoint is attacked without changing this test.
/// </summary>
public abstract class SqlInjectionTests(OpenDtiApp app)
{
    private static readonly string[] Payloads =
    [
        "' OR 1=1--",
        "1; DROP TABLE units--",
        "%' UNION SELECT user_name, password_hash FROM users--",
        "\" OR \"\"=\"",
    ];

    private static readonly HashSet<HttpStatusCode> Allowed = [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Forbidden];

    private static readonly string[] DatabaseWords = ["SQLite Error", "syntax error", "Npgsql", "SqliteException", "PostgresException", "at OpenDti."];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryStringParameterOfEveryGetEndpoint_WithInjectionPayloads_IsAnsweredCleanly_AndTheUnitsRemain()
    {
        var admin = "sqli." + Guid.NewGuid().ToString("N")[..8];
        await app.AddUserAsync(admin, Role.NationalAdmin, "VN");
        using var client = await app.SignedInClientAsync(admin);
        var units = await CountUnitsAsync();
        using var openApi = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));

        var failures = new List<string>();
        var attacked = 0;
        foreach (var (template, parameters) in GetEndpoints(openApi.RootElement))
        {
            foreach (var target in parameters.Where(p => p.IsString))
            {
                foreach (var payload in Payloads)
                {
                    var url = Url(template, parameters, target, payload);
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Cancellation);
                    var body = await response.Content.ReadAsStringAsync(Cancellation);
                    attacked++;
                    if (!Allowed.Contains(response.StatusCode) || DatabaseWords.Any(w => body.Contains(w, StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
                    }
                    else if (response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"GET {url} answered 400 without problem details ({response.Content.Headers.ContentType})");
                    }
                }
            }
        }

        Assert.True(attacked > 50, $"only {attacked} attacks: the OpenAPI document lists too few string parameters");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(units, await CountUnitsAsync());
    }

    private static IEnumerable<(string Template, List<Parameter> Parameters)> GetEndpoints(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get))
            {
                continue;
            }

            var parameters = new List<Parameter>();
            if (get.TryGetProperty("parameters", out var list))
            {
                foreach (var p in list.EnumerateArray())
                {
                    var schema = p.TryGetProperty("schema", out var s) ? s : default;
                    var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.ToString() : "string";
                    parameters.Add(new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, type.Contains("string", StringComparison.Ordinal) && !(schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out _))));
                }
            }

            yield return (path.Name, parameters);
        }
    }

    /// <summary>The URL with <paramref name="payload"/> in <paramref name="target"/> and ordinary values elsewhere.</summary>
    private static string Url(string template, List<Parameter> parameters, Parameter target, string payload)
    {
        var path = template;
        var query = new List<string>();
        foreach (var p in parameters)
        {
            var value = p == target ? payload : Ordinary(p);
            if (p.In == "path")
            {
                path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (p.In == "query" && (p == target || p.IsString))
            {
                query.Add($"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private static string Ordinary(Parameter p) => p.IsString ? (p.Name.Contains("period", StringComparison.OrdinalIgnoreCase) ? "2025" : "01") : "1";

    private async Task<int> CountUnitsAsync()
    {
        await using var db = app.OpenContext();
        return await db.Units.CountAsync(Cancellation);
    }

    private sealed record Parameter(string Name, string In, bool IsString);

    public sealed class OnSqlite(OpenDtiApp app) : SqlInjectionTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : SqlInjectionTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
