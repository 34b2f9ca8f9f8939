using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Geography;
using OpenDti.Features.Accounts;

namespace OpenDti.Web.Tests.Infrastructure;

/// <summary>Accounts, communes and signed-in clients for tests, made through the product's own services.</summary>
public static class TestAccounts
{
    /// <summary>The password every test account gets.</summary>
    public const string Password = "Mật-khẩu-thử-nghiệm-2026";

    /// <summary>Adds an account with one role on the unit in force with <paramref name="unitCode"/>.</summary>
    public static async Task AddUserAsync(this OpenDtiApp app, string name, string role, string unitCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(name, Password, role, unitCode, TestContext.Current.CancellationToken);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Adds a commune in force since 2025-07-01 under the province with <paramref name="provinceCode"/>
    /// (the shared seed has no communes; tests make the few they need, with test codes and names).
    /// </summary>
    public static async Task AddCommuneAsync(this OpenDtiApp app, string code, string name, string provinceCode)
    {
        // The store is created, migrated and seeded when the app starts: start it before opening a context.
        _ = app.Services;
        await using var db = app.OpenContext();
        var province = db.Units.Single(u => u.Code == new UnitCode(provinceCode) && u.ValidTo == null);
        db.Units.Add(new ReportingUnit { Code = new UnitCode(code), Name = name, Level = UnitLevel.Commune, ParentId = province.Id, ValidFrom = new DateOnly(2025, 7, 1) });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A client with a bearer token for <paramref name="name"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this OpenDtiApp app, string name)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, name));
        return client;
    }

    /// <summary>Asks <c>POST /api/v1/auth/token</c> for a token.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string name, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>(TestContext.Current.CancellationToken);
        return body!.Token;
    }

    private sealed record TokenBody(string Token);
}
