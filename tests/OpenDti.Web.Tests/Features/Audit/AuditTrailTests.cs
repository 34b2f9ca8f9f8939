using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Store;
using OpenDti.Web.Tests.Features.Submissions;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c>: every change of a value (who, when, channel, address, old → new) and the submission
/// steps, for people who may read the unit; and the store refusing to change or delete what is kept, on both stores.
/// </summary>
public abstract class AuditTrailTests(OpenDtiApp app)
{
    private const string Address = "203.0.113.7";

    private readonly ReviewWorld _world = new(app);

    [Fact]
    public async Task OneValue_EveryChangeNewestFirst_WithWhoChannelAddressAndOldAndNew()
    {
        var commune = await _world.CommuneAsync();
        using (var fromTheOffice = await ClientFromAsync(commune.Enterer))
        {
            await ReviewWorld.PutValuesAsync(fromTheOffice, commune.Code, ("WORK_DOSSIERS_COMMUNE", 100d));
        }

        using (var system = _world.KeyClient(await _world.ApiKeyAsync(commune.Enterer, Role.DataEntry, commune.Code, TimeSpan.FromDays(30))))
        {
            using var response = await system.PutAsJsonAsync(
                "/api/v1/datavalues",
                new[] { new { unit = commune.Code, measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 110, comment = "Theo sổ theo dõi hồ sơ" } },
                TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        using var viewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var trail = await viewer.GetJsonAsync($"/api/v1/audit?unit={commune.Code}&measure=work_dossiers_commune&period=2025");

        Assert.Equal(2, trail.GetProperty("total").GetInt32());
        var changes = trail.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(100d, changes[0].GetProperty("oldValue").GetDouble());
        Assert.Equal(110d, changes[0].GetProperty("newValue").GetDouble());
        Assert.Equal("Theo sổ theo dõi hồ sơ", changes[0].Text("newComment"));
        Assert.Null(changes[0].Text("oldComment"));
        Assert.True(changes[0].GetProperty("viaApiKey").GetBoolean());
        Assert.Contains("API key", changes[0].Text("by"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, changes[1].GetProperty("oldValue").ValueKind);
        Assert.Equal(100d, changes[1].GetProperty("newValue").GetDouble());
        Assert.Equal(commune.Enterer, changes[1].Text("by"));
        Assert.Equal("api", changes[1].Text("channel"));
        Assert.False(changes[1].GetProperty("viaApiKey").GetBoolean());
        Assert.Equal(Address, changes[1].Text("address"));
        Assert.Equal("2026-03-15T03:00:00Z", changes[1].Text("atUtc"));
        Assert.Equal(["started"], trail.GetProperty("events").EnumerateArray().Select(e => e.Text("action")));
    }

    [Fact]
    public async Task OneUnit_AllItsValues_FiftyAPage()
    {
        var commune = await _world.CommuneAsync();
        using var reporter = await app.SignedInClientAsync(commune.Enterer);
        for (var round = 1; round <= 15; round++)
        {
            await ReviewWorld.PutValuesAsync(
                reporter, commune.Code, ("WORK_DOSSIERS_COMMUNE", 1000d + round), ("WORK_DOSSIERS_COMMUNE_ONLINE", 500d + round), ("ADULT_POPULATION", 8000d + round), ("PEOPLE_WITH_EPAYMENT_ACCOUNT", 4000d + round));
        }

        var first = await reporter.GetJsonAsync($"/api/v1/audit?unit={commune.Code}");
        var second = await reporter.GetJsonAsync($"/api/v1/audit?unit={commune.Code}&page=2");

        Assert.Equal(60, first.GetProperty("total").GetInt32());
        Assert.Equal(50, first.GetProperty("changes").GetArrayLength());
        Assert.Equal(10, second.GetProperty("changes").GetArrayLength());
        var ids = first.GetProperty("changes").EnumerateArray().Concat(second.GetProperty("changes").EnumerateArray()).Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(60, ids.Distinct().Count());
        Assert.Contains(first.GetProperty("changes").EnumerateArray().Take(4), c => c.GetProperty("newValue").GetDouble() == 1015d);
    }

    [Fact]
    public async Task Trail_HasTheSubmissionStepsWithTheirReasons()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.SubmittedAsync(commune);
        var reviewerName = await _world.UserAsync(Role.Reviewer, ReviewWorld.Province);
        using var reviewer = await app.SignedInClientAsync(reviewerName);
        await ReviewWorld.StepAsync(reviewer, id, "return", "Thiếu biên bản xác nhận", HttpStatusCode.OK);

        var trail = await reviewer.GetJsonAsync($"/api/v1/audit?unit={commune.Code}&period=2025");

        var events = trail.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["returned", "submitted", "started"], events.Select(e => e.Text("action")));
        Assert.Equal("Thiếu biên bản xác nhận", events[0].Text("comment"));
        Assert.Equal(reviewerName, events[0].Text("by"));
        Assert.Equal(id, events[0].GetProperty("submission").GetInt64());
    }

    [Fact]
    public async Task OutsideTheCallersUnits_Is404_WithoutCredentials_Is401()
    {
        var commune = await _world.CommuneAsync();
        await _world.DraftAsync(commune);
        using var outsider = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.OtherProvince));
        using var anonymous = app.CreateClient();

        await outsider.GetJsonAsync($"/api/v1/audit?unit={commune.Code}", HttpStatusCode.NotFound);
        using var response = await anonymous.GetAsync(new Uri($"/api/v1/audit?unit={commune.Code}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BadParameters_Are400NamingEach()
    {
        using var viewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var problem = await viewer.GetJsonAsync("/api/v1/audit?measure=NO_SUCH_MEASURE&period=2025-13", HttpStatusCode.BadRequest);
        var page = await viewer.GetJsonAsync($"/api/v1/audit?unit={ReviewWorld.Province}&page=0", HttpStatusCode.BadRequest);

        Assert.Equal(["measure", "period", "unit"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(page.GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Store_RefusesToChangeOrDeleteAuditEntriesAndSubmissionSteps()
    {
        var commune = await _world.CommuneAsync();
        await _world.SubmittedAsync(commune);
        await using var db = app.OpenContext();
        var audit = await db.ValueAudit.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.NewValue }).ToListAsync(TestContext.Current.CancellationToken);
        var steps = await db.SubmissionEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Comment }).ToListAsync(TestContext.Current.CancellationToken);
        var cancel = TestContext.Current.CancellationToken;

        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE value_audit SET \"NewValue\" = 0, \"Reason\" = 'sửa lén'", cancel));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM value_audit", cancel));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE submission_events SET \"Comment\" = 'sửa lén'", cancel));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM submission_events", cancel));
        if (app.Provider == StoreProvider.Postgres)
        {
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE value_audit", cancel));
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE submission_events", cancel));
        }

        Assert.NotEmpty(audit);
        Assert.NotEmpty(steps);
        Assert.Equal(audit, await db.ValueAudit.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.NewValue }).ToListAsync(cancel));
        Assert.Equal(steps, await db.SubmissionEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Comment }).ToListAsync(cancel));
    }

    /// <summary>A client with a bearer token whose requests come from <see cref="Address"/>.</summary>
    private async Task<HttpClient> ClientFromAsync(string name)
    {
        var client = new HttpClient(app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(Address))) { BaseAddress = app.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.TokenAsync(client, name));
        return client;
    }

    public sealed class OnSqlite(OpenDtiApp app) : AuditTrailTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : AuditTrailTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
