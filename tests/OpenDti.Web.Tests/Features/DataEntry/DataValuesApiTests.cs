using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>
/// <c>PUT /api/v1/datavalues</c> as reporters, reviewers and intruders use it: all or nothing, within the
/// unit subtree only, never over a newer value or into a locked submission, every change audited.
/// </summary>
public abstract class DataValuesApiTests : IAsyncLifetime
{
    private readonly OpenDtiApp _app;
    private readonly string _tag;

    protected DataValuesApiTests(OpenDtiApp app)
    {
        _app = app;

        // One fixture serves the class: every test makes its own communes and accounts.
        _tag = Guid.NewGuid().ToString("N")[..6];
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Commune(int n) => (Math.Abs(_tag.GetHashCode(StringComparison.Ordinal)) % 9000 * 10 + n + 10000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string User(string role) => $"{role}.{_tag}";

    public async ValueTask InitializeAsync()
    {
        await _app.AddCommuneAsync(Commune(1), $"Xã Thử Nghiệm Một {_tag}", "25");
        await _app.AddCommuneAsync(Commune(2), $"Xã Thử Nghiệm Hai {_tag}", "25");
        await _app.AddUserAsync(User("entry"), Role.DataEntry, Commune(1));
        await _app.AddUserAsync(User("viewer"), Role.Viewer, Commune(1));
        await _app.AddUserAsync(User("reviewer"), Role.Reviewer, "25");
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task CommuneDataEntry_WritesItsCommune_AndEveryChangeIsAudited()
    {
        using var client = await _app.SignedInClientAsync(User("entry"));

        var response = await client.PutAsJsonAsync("/api/v1/datavalues", new[]
        {
            Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 1200, "Theo sổ theo dõi của UBND xã"),
            Value(Commune(1), "WORK_DOSSIERS_COMMUNE_ONLINE", 1100),
        }, Cancel);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.Equal(2, body.GetProperty("written").GetInt32());
        var read = await client.GetJsonAsync($"/api/v1/datavalues?unit={Commune(1)}&period=2025");
        var values = read.GetProperty("values").EnumerateArray().ToDictionary(v => v.Text("measure")!, v => v);
        Assert.Equal(1200, values["WORK_DOSSIERS_COMMUNE"].GetProperty("value").GetDouble());
        Assert.Equal("Theo sổ theo dõi của UBND xã", values["WORK_DOSSIERS_COMMUNE"].Text("comment"));
        Assert.Equal("draft", values["WORK_DOSSIERS_COMMUNE"].Text("status"));
        await using var db = _app.OpenContext();
        var audit = await AuditAsync(db, Commune(1));
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a =>
        {
            Assert.Null(a.OldValue);
            Assert.Equal(ValueSources.Api, a.Actor.Channel);
            Assert.Equal(User("entry"), a.Actor.Name);
            Assert.NotNull(a.Actor.UserId);
        });
    }

    [Fact]
    public async Task OneBadValue_RefusesTheWholeBatch_AndNamesEveryProblem()
    {
        using var client = await _app.SignedInClientAsync(User("entry"));

        var response = await client.PutAsJsonAsync("/api/v1/datavalues", new object[]
        {
            Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 1200),
            Value(Commune(1), "WORK_DOSSIERS_COMMUNE_ONLINE", 10.5),
            new { unit = Commune(1), measure = "NOT_A_MEASURE", period = "2025", value = 1 },
            new { unit = Commune(1), measure = "WORK_DOSSIERS_COMMUNE", period = "2027", value = 1 },
        }, Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.Text("code"), e.Text("found"))).ToList();
        Assert.Contains((1, "value.not-whole", "10.5"), errors);
        Assert.Contains((2, "measure.unknown", "NOT_A_MEASURE"), errors);
        Assert.Contains((3, "period.future", "2027"), errors);
        await using var db = _app.OpenContext();
        Assert.Empty(await AuditAsync(db, Commune(1)));
        Assert.Empty(await ValuesAsync(db, Commune(1)));
    }

    [Theory]
    [InlineData("entry", 2)] // a data-entry user of commune 1 writing commune 2
    [InlineData("viewer", 1)] // a viewer of commune 1 writing commune 1
    [InlineData("reviewer", 1)] // a reviewer reviews; it does not enter
    public async Task WriteOutsideTheRole_IsForbidden_AndNothingIsWritten(string role, int commune)
    {
        using var client = await _app.SignedInClientAsync(User(role));

        var response = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(commune), "WORK_DOSSIERS_COMMUNE", 5) }, Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Equal("unit.forbidden", problem.GetProperty("errors")[0].Text("code"));
        await using var db = _app.OpenContext();
        Assert.Empty(await ValuesAsync(db, Commune(commune)));
    }

    [Fact]
    public async Task WithoutCredentials_TheWriteIsUnauthorised()
    {
        using var client = _app.CreateClient();

        var response = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 5) }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StaleVersion_IsRefusedWithTheNewerValue_AndTheCurrentVersionGoesIn()
    {
        using var client = await _app.SignedInClientAsync(User("entry"));
        await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 100) }, Cancel);
        var seen = await VersionAsync(client, Commune(1), "WORK_DOSSIERS_COMMUNE");
        (await client.PutAsJsonAsync("/api/v1/datavalues", new[] { new { unit = Commune(1), measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 150.0, version = seen } }, Cancel)).EnsureSuccessStatusCode();

        var stale = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { new { unit = Commune(1), measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 120.0, version = seen } }, Cancel);

        var problem = await stale.ReadJsonAsync(HttpStatusCode.Conflict, "application/problem+json");
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("value.conflict", error.Text("code"));
        Assert.Equal(150, error.GetProperty("currentValue").GetDouble());
        var current = error.GetProperty("currentVersion").GetGuid();
        var retried = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { new { unit = Commune(1), measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 120.0, version = current } }, Cancel);
        retried.EnsureSuccessStatusCode();
        await using var db = _app.OpenContext();
        Assert.Equal([null, 100, 150], (await AuditAsync(db, Commune(1))).Select(a => a.OldValue));
    }

    [Fact]
    public async Task ApprovedSubmission_IsLocked_UntilAReviewerReopensIt()
    {
        using var entry = await _app.SignedInClientAsync(User("entry"));
        await entry.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 100), Value(Commune(1), "WORK_DOSSIERS_COMMUNE_ONLINE", 90) }, Cancel);
        var id = await SubmissionIdAsync(Commune(1));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var workflow = scope.ServiceProvider.GetRequiredService<OpenDti.Features.Submissions.SubmissionWorkflow>();
            Assert.True((await workflow.SubmitAsync(id, await SignedInAsync(User("entry")), ValueSources.Form, null, Cancel)).Succeeded);
            Assert.True((await workflow.ApproveAsync(id, await SignedInAsync(User("reviewer")), ValueSources.Form, null, Cancel)).Succeeded);
        }

        var locked = await entry.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 101) }, Cancel);

        var problem = await locked.ReadJsonAsync(HttpStatusCode.Conflict, "application/problem+json");
        Assert.Equal("submission.locked", problem.GetProperty("errors")[0].Text("code"));
        Assert.Contains("reviewer must reopen", problem.GetProperty("errors")[0].Text("found"), StringComparison.Ordinal);
        await using var db = _app.OpenContext();
        Assert.Equal(100, (await ValuesAsync(db, Commune(1))).Single(v => v.MeasureId == db.Measures.Single(m => m.Code == new Domain.Frameworks.MeasureCode("WORK_DOSSIERS_COMMUNE")).Id).Value);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    public async Task RevokedOrExpiredApiKey_IsRefusedAndSaysWhy(string state)
    {
        var keyText = await AddKeyAsync(User("entry"), Commune(1), revoked: state == "revoked", expired: state == "expired");
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", keyText);

        var response = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 5) }, Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.Unauthorized, "application/problem+json");
        Assert.Contains(state == "revoked" ? "revoked" : "expired", problem.Text("detail"), StringComparison.Ordinal);
        await using var db = _app.OpenContext();
        Assert.Empty(await ValuesAsync(db, Commune(1)));
    }

    [Fact]
    public async Task ApiKey_WritesOnlyItsUnits_AndIsNamedInTheAudit()
    {
        var keyText = await AddKeyAsync(User("entry"), Commune(1), revoked: false, expired: false);
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", keyText);

        var ok = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 7) }, Cancel);
        var other = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(2), "WORK_DOSSIERS_COMMUNE", 7) }, Cancel);

        ok.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        await using var db = _app.OpenContext();
        var audit = Assert.Single(await AuditAsync(db, Commune(1)));
        Assert.NotNull(audit.Actor.ApiKeyId);
        Assert.Contains("API key", audit.Actor.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_StopsTokensIssuedBefore()
    {
        using var client = await _app.SignedInClientAsync(User("entry"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync(User("entry")))!);
        }

        var response = await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 5) }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        var name = User("locked");
        await _app.AddUserAsync(name, Role.Viewer, Commune(1));
        using var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "sai-mat-khau-" + i }, Cancel);
            Assert.True(wrong.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"attempt {i}: {wrong.StatusCode}");
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = TestAccounts.Password }, Cancel);

        var problem = await right.ReadJsonAsync(HttpStatusCode.TooManyRequests, "application/problem+json");
        Assert.Contains("locked", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditTrail_CannotBeChangedEvenInTheStore()
    {
        using var client = await _app.SignedInClientAsync(User("entry"));
        await client.PutAsJsonAsync("/api/v1/datavalues", new[] { Value(Commune(1), "WORK_DOSSIERS_COMMUNE", 100) }, Cancel);
        await using var db = _app.OpenContext();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE value_audit SET \"NewValue\" = 1", Cancel));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM value_audit", Cancel));

        Assert.Equal(100, Assert.Single(await AuditAsync(db, Commune(1))).NewValue);
    }

    private static object Value(string unit, string measure, double value, string? comment = null) =>
        new { unit, measure, period = "2025", value, comment };

    private static async Task<Guid> VersionAsync(HttpClient client, string unit, string measure)
    {
        var read = await client.GetJsonAsync($"/api/v1/datavalues?unit={unit}&measure={measure}&period=2025");
        return read.GetProperty("values")[0].GetProperty("version").GetGuid();
    }

    private async Task<long> SubmissionIdAsync(string unit)
    {
        await using var db = _app.OpenContext();
        var unitId = await UnitIdAsync(db, unit);
        return await db.Submissions.Where(s => s.UnitId == unitId).Select(s => s.Id).SingleAsync(Cancel);
    }

    private async Task<OpenDti.Features.Accounts.SignedIn> SignedInAsync(string name)
    {
        await using var db = _app.OpenContext();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.UserName == name, Cancel);
        return new OpenDti.Features.Accounts.SignedIn(user, null, "127.0.0.1");
    }

    private async Task<string> AddKeyAsync(string owner, string unit, bool revoked, bool expired)
    {
        await using var db = _app.OpenContext();
        var userId = await db.Users.Where(u => u.UserName == owner).Select(u => u.Id).SingleAsync(Cancel);
        var (prefix, secret, text) = ApiKey.Generate();
        var now = _app.Time.GetUtcNow().UtcDateTime;
        var key = new ApiKey
        {
            UserId = userId,
            Name = "Hệ thống một cửa thử nghiệm",
            Prefix = prefix,
            SecretHash = ApiKey.HashSecret(secret),
            Role = Role.DataEntry,
            CreatedAtUtc = now.AddDays(-30),
            ExpiresAtUtc = expired ? now.AddDays(-1) : now.AddDays(30),
            RevokedAtUtc = revoked ? now.AddHours(-1) : null,
        };
        key.Units.Add(new ApiKeyUnit { UnitId = await UnitIdAsync(db, unit) });
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(Cancel);
        return text;
    }

    private static async Task<int> UnitIdAsync(OpenDti.Store.OpenDtiDbContext db, string code) =>
        await db.Units.Where(u => u.Code == new UnitCode(code) && u.ValidTo == null).Select(u => u.Id).SingleAsync(Cancel);

    private static async Task<List<ValueAudit>> AuditAsync(OpenDti.Store.OpenDtiDbContext db, string unit)
    {
        var unitId = await UnitIdAsync(db, unit);
        return await db.ValueAudit.AsNoTracking().Where(a => a.UnitId == unitId).OrderBy(a => a.Id).ToListAsync(Cancel);
    }

    private static async Task<List<DataValue>> ValuesAsync(OpenDti.Store.OpenDtiDbContext db, string unit)
    {
        var unitId = await UnitIdAsync(db, unit);
        return await db.DataValues.AsNoTracking().Where(v => v.UnitId == unitId).ToListAsync(Cancel);
    }

    public sealed class OnSqlite(OpenDtiApp app) : DataValuesApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : DataValuesApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
