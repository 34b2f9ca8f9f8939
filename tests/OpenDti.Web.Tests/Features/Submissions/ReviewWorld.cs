using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Submissions;

/// <summary>
/// Arranges what the review tests need through the product itself: communes with their data-entry people,
/// reviewers and viewers, values written and submitted through the API; and clients signed in with the
/// application cookie (as the sign-in page would leave them) or carrying an API key.
/// </summary>
internal sealed class ReviewWorld(OpenDtiApp app)
{
    /// <summary>Tỉnh Phú Thọ.</summary>
    public const string Province = "25";

    /// <summary>Tỉnh Thái Nguyên: another province, for "outside the subtree".</summary>
    public const string OtherProvince = "19";

    public const string CommuneDataSet = "CT749_COMMUNE";

    public const string Period = "2025";

    private static readonly string[] CommuneNames =
    [
        "Xã Hùng Lô", "Phường Vân Phú", "Xã Đoan Hùng", "Xã Cẩm Khê", "Xã Tam Nông", "Xã Lâm Thao", "Phường Âu Cơ", "Xã Yên Lập", "Xã Thanh Ba", "Xã Hạ Hòa",
    ];

    private static int _next;

    public OpenDtiApp App => app;

    /// <summary>A new account with <paramref name="role"/> on the unit; returns its (unique) name.</summary>
    public async Task<string> UserAsync(string role, string unitCode)
    {
        var name = $"{role.Replace("-", "", StringComparison.Ordinal)}{Interlocked.Increment(ref _next)}";
        await app.AddUserAsync(name, role, unitCode);
        return name;
    }

    /// <summary>A new commune under <paramref name="province"/>, with a data-entry account for it.</summary>
    public async Task<Commune> CommuneAsync(string province = Province, string? name = null)
    {
        var n = Interlocked.Increment(ref _next);
        var code = $"T{province}{n:D5}";
        name ??= CommuneNames[n % CommuneNames.Length];
        await app.AddCommuneAsync(code, name, province);
        return new Commune(code, name, await UserAsync(Role.DataEntry, code));
    }

    /// <summary>Writes the commune's two required values through <c>PUT /api/v1/datavalues</c> as its data-entry person; returns the submission's id.</summary>
    public async Task<long> DraftAsync(Commune commune, double total = 120, double online = 90)
    {
        using var client = await app.SignedInClientAsync(commune.Enterer);
        await PutValuesAsync(client, commune.Code, ("WORK_DOSSIERS_COMMUNE", total), ("WORK_DOSSIERS_COMMUNE_ONLINE", online));
        await using var db = app.OpenContext();
        var unit = db.Units.Single(u => u.Code == new UnitCode(commune.Code));
        return db.Submissions.Single(s => s.UnitId == unit.Id).Id;
    }

    /// <summary>A draft submitted for review by the commune's data-entry person.</summary>
    public async Task<long> SubmittedAsync(Commune commune, double total = 120, double online = 90)
    {
        var id = await DraftAsync(commune, total, online);
        using var client = await app.SignedInClientAsync(commune.Enterer);
        await StepAsync(client, id, "submit", reason: null, HttpStatusCode.OK);
        return id;
    }

    /// <summary>A submission approved by a new reviewer of the commune's province.</summary>
    public async Task<long> ApprovedAsync(Commune commune, string province = Province)
    {
        var id = await SubmittedAsync(commune);
        using var reviewer = await app.SignedInClientAsync(await UserAsync(Role.Reviewer, province));
        await StepAsync(reviewer, id, "approve", reason: null, HttpStatusCode.OK);
        return id;
    }

    public static async Task PutValuesAsync(HttpClient client, string unit, params (string Measure, double Value)[] values)
    {
        var body = values.Select(v => new { unit, measure = v.Measure, period = Period, value = v.Value }).ToList();
        using var response = await client.PutAsJsonAsync("/api/v1/datavalues", body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"PUT /api/v1/datavalues: {(int)response.StatusCode} {text}");
    }

    /// <summary>The submission as <c>GET /api/v1/submissions/{id}</c> returns it to <paramref name="client"/>.</summary>
    public static Task<JsonElement> GetAsync(HttpClient client, long id) => client.GetJsonAsync($"/api/v1/submissions/{id}");

    /// <summary>Takes a step with the version the client reads first; asserts the status and returns the body.</summary>
    public static async Task<JsonElement> StepAsync(HttpClient client, long id, string step, string? reason, HttpStatusCode expected)
    {
        var version = (await GetAsync(client, id)).Text("version");
        return await PostStepAsync(client, id, step, version, reason, expected);
    }

    public static async Task<JsonElement> PostStepAsync(HttpClient client, long id, string step, string? version, string? reason, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/submissions/{id}/{step}", new { version, reason }, TestContext.Current.CancellationToken);
        return await response.ReadJsonAsync(expected, expected == HttpStatusCode.OK ? "application/json" : "application/problem+json");
    }

    /// <summary>
    /// A client signed in with the application cookie, made with the app's own cookie protection (the ticket the
    /// sign-in page issues), and keeping the cookies the app sets (antiforgery, renewed sign-in).
    /// </summary>
    public async Task<HttpClient> CookieClientAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<UserAccount>>().FindByNameAsync(name) ?? throw new InvalidOperationException($"no account {name}");
        var principal = await services.GetRequiredService<SignInManager<UserAccount>>().CreateUserPrincipalAsync(user);
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = app.Time.GetUtcNow();
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) }, IdentityConstants.ApplicationScheme);
        var cookies = new CookieContainer();
        cookies.Add(app.Server.BaseAddress, new Cookie(options.Cookie.Name!, options.TicketDataFormat.Protect(ticket)));
        return app.CreateDefaultClient(app.Server.BaseAddress, new CookieContainerHandler(cookies));
    }

    /// <summary>The antiforgery token of the first form on <paramref name="path"/> (the cookie half stays in the client).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetHtmlAsync(path);
        var token = new HtmlParser().ParseDocument(html).QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        return token ?? throw new Xunit.Sdk.XunitException($"no form with an antiforgery token on {path}");
    }

    /// <summary>Posts a form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Name, string? Value)[] fields) =>
        await client.PostAsync(
            new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!))),
            TestContext.Current.CancellationToken);

    /// <summary>Stores an API key for <paramref name="owner"/> (as the key management page will) and returns its text.</summary>
    public async Task<string> ApiKeyAsync(string owner, string role, string unitCode, TimeSpan expiresIn, bool revoked = false)
    {
        await using var db = app.OpenContext();
        var user = db.Users.Single(u => u.UserName == owner);
        var unit = db.Units.Single(u => u.Code == new UnitCode(unitCode) && u.ValidTo == null);
        var (prefix, secret, text) = ApiKey.Generate();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var key = new ApiKey
        {
            UserId = user.Id,
            Name = "Hệ thống một cửa (thử nghiệm)",
            Prefix = prefix,
            SecretHash = ApiKey.HashSecret(secret),
            Role = role,
            CreatedAtUtc = now.AddDays(-30),
            ExpiresAtUtc = now + expiresIn,
            RevokedAtUtc = revoked ? now.AddHours(-1) : null,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.Add(new ApiKeyUnit { ApiKeyId = key.Id, UnitId = unit.Id });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return text;
    }

    /// <summary>A client sending <c>X-Api-Key</c>.</summary>
    public HttpClient KeyClient(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A commune made for a test, with the name of its data-entry account.</summary>
    public sealed record Commune(string Code, string Name, string Enterer);
}
