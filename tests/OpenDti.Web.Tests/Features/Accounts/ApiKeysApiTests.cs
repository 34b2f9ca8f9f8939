using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Accounts;

/// <summary>API keys as their owners, their administrators and attackers use them, on SQLite and PostgreSQL.</summary>
public abstract class ApiKeysApiTests(OpenDtiApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatedKey_WritesValuesWithXApiKey()
    {
        await app.AddCommuneAsync("K0001", "Xã Hoà Bình", "01");
        await app.AddUserAsync("k.nhap.lieu", Role.DataEntry, "K0001");
        var owner = await app.SignedInClientAsync("k.nhap.lieu");

        var created = await CreateKeyAsync(owner, new { name = "Hệ thống một cửa xã Hoà Bình", role = Role.DataEntry, units = Codes("K0001") });
        using var write = await PutValueAsync(KeyClient(created.GetProperty("keyText").GetString()!), "K0001", 42);

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        var row = created.GetProperty("row");
        Assert.Equal("Hệ thống một cửa xã Hoà Bình", row.GetProperty("name").GetString());
        Assert.Equal(["K0001"], row.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("2026-06-13", row.GetProperty("expiresAtUtc").GetString()![..10]); // 2026-03-15 + 90 days
        await using var db = app.OpenContext();
        var audit = await db.ValueAudit.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync(Cancellation);
        Assert.Equal(42, audit.NewValue);
        Assert.Equal("api", audit.Actor.Channel);
        Assert.Equal(row.GetProperty("id").GetInt32(), audit.Actor.ApiKeyId);
    }

    [Fact]
    public async Task TheSecretIsNeverStored_OnlyItsHash()
    {
        await app.AddUserAsync("k.bi.mat", Role.Viewer, "01");
        var owner = await app.SignedInClientAsync("k.bi.mat");

        var created = await CreateKeyAsync(owner, new { name = "Báo cáo", role = Role.Viewer, units = Codes("01") });

        var keyText = created.GetProperty("keyText").GetString()!;
        Assert.True(ApiKey.TryParse(keyText, out var prefix, out var secret));
        await using var db = app.OpenContext();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == prefix, Cancellation);
        Assert.Equal(ApiKey.HashSecret(secret), stored.SecretHash);
        Assert.Equal(64, stored.SecretHash.Length);
        var everyColumn = string.Join("|", stored.Name, stored.Prefix, stored.SecretHash, stored.Role);
        Assert.DoesNotContain(secret, everyColumn, StringComparison.Ordinal);
        var listed = await owner.GetStringAsync(new Uri("/api/v1/apikeys", UriKind.Relative), Cancellation);
        Assert.Contains(prefix, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredKey_IsRefusedWithTheDateItExpired()
    {
        await app.AddCommuneAsync("K0002", "Xã Tân Lập", "01");
        await app.AddUserAsync("k.het.han", Role.DataEntry, "K0002");
        var keyText = await StoreKeyAsync("k.het.han", "K0002", expires: new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        using var write = await PutValueAsync(KeyClient(keyText), "K0002", 5);

        var problem = await write.ReadJsonAsync(HttpStatusCode.Unauthorized, "application/problem+json");
        Assert.Contains("đã hết hạn ngày 2026-03-01", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("the API key expired", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        await app.AddCommuneAsync("K0003", "Xã Phú Mỹ", "01");
        await app.AddUserAsync("k.thu.hoi", Role.DataEntry, "K0003");
        var owner = await app.SignedInClientAsync("k.thu.hoi");
        var created = await CreateKeyAsync(owner, new { name = "Máy chủ cũ", role = Role.DataEntry, units = Codes("K0003") });
        var key = KeyClient(created.GetProperty("keyText").GetString()!);
        using var before = await PutValueAsync(key, "K0003", 1);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var revoke = await owner.PostAsync(new Uri($"/api/v1/apikeys/{created.GetProperty("row").GetProperty("id").GetInt32()}/revoke", UriKind.Relative), null, Cancellation);
        using var after = await PutValueAsync(key, "K0003", 2);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var problem = await after.ReadJsonAsync(HttpStatusCode.Unauthorized, "application/problem+json");
        Assert.Contains("đã bị thu hồi", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("the API key was revoked", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyForCommuneA_CannotWriteCommuneB_EvenThoughItsOwnerCan()
    {
        await app.AddCommuneAsync("K0004", "Xã An Khánh", "79");
        await app.AddCommuneAsync("K0005", "Xã Bình Khánh", "79");
        await app.AddUserAsync("k.tinh.nhap", Role.DataEntry, "79");
        var owner = await app.SignedInClientAsync("k.tinh.nhap");
        var created = await CreateKeyAsync(owner, new { name = "Chỉ xã An Khánh", role = Role.DataEntry, units = Codes("K0004") });
        var key = KeyClient(created.GetProperty("keyText").GetString()!);

        using var own = await PutValueAsync(key, "K0004", 7);
        using var other = await PutValueAsync(key, "K0005", 7);
        using var byOwner = await PutValueAsync(owner, "K0005", 7);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
    }

    [Fact]
    public async Task KeyWhoseOwnerLostTheRole_StopsWorking()
    {
        await app.AddCommuneAsync("K0006", "Xã Vĩnh Lộc", "79");
        await app.AddUserAsync("k.mat.quyen", Role.DataEntry, "K0006");
        await app.AddUserAsync("k.quan.tri.79", Role.ProvinceAdmin, "79");
        var owner = await app.SignedInClientAsync("k.mat.quyen");
        var created = await CreateKeyAsync(owner, new { name = "Đồng bộ", role = Role.DataEntry, units = Codes("K0006") });
        var key = KeyClient(created.GetProperty("keyText").GetString()!);
        var admin = await app.SignedInClientAsync("k.quan.tri.79");
        var roleId = (await admin.GetJsonAsync("/api/v1/users/k.mat.quyen")).GetProperty("user").GetProperty("roles")[0].GetProperty("id").GetInt32();

        using var withdraw = await admin.DeleteAsync(new Uri($"/api/v1/users/k.mat.quyen/roles/{roleId}", UriKind.Relative), Cancellation);
        using var write = await PutValueAsync(key, "K0006", 3);

        Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task AKey_CannotCreateListOrRevokeKeys()
    {
        await app.AddUserAsync("k.khoa.tao.khoa", Role.Viewer, "01");
        var owner = await app.SignedInClientAsync("k.khoa.tao.khoa");
        var created = await CreateKeyAsync(owner, new { name = "Khoá gốc", role = Role.Viewer, units = Codes("01") });
        var key = KeyClient(created.GetProperty("keyText").GetString()!);

        using var create = await key.PostAsJsonAsync("/api/v1/apikeys", new { name = "Khoá con", role = Role.Viewer, units = Codes("01") }, Cancellation);
        using var list = await key.GetAsync(new Uri("/api/v1/apikeys", UriKind.Relative), Cancellation);
        using var revoke = await key.PostAsync(new Uri($"/api/v1/apikeys/{created.GetProperty("row").GetProperty("id").GetInt32()}/revoke", UriKind.Relative), null, Cancellation);

        var problem = await create.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Contains("an API key cannot create", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        await using var db = app.OpenContext();
        Assert.Equal(1, await db.ApiKeys.CountAsync(k => k.User!.UserName == "k.khoa.tao.khoa" && k.RevokedAtUtc == null, Cancellation));
    }

    [Fact]
    public async Task DataEntry_CannotCreateAKeyForUnitsItCannotEnter()
    {
        await app.AddCommuneAsync("K0007", "Xã Đông Hòa", "01");
        await app.AddCommuneAsync("K0008", "Xã Tây Hòa", "01");
        await app.AddUserAsync("k.vuot.quyen", Role.DataEntry, "K0007");
        await app.AddUserAsync("k.chi.xem", Role.Viewer, "01");
        var dataEntry = await app.SignedInClientAsync("k.vuot.quyen");
        var viewer = await app.SignedInClientAsync("k.chi.xem");

        using var otherCommune = await dataEntry.PostAsJsonAsync("/api/v1/apikeys", new { name = "Xã bên", role = Role.DataEntry, units = Codes("K0007", "K0008") }, Cancellation);
        using var province = await dataEntry.PostAsJsonAsync("/api/v1/apikeys", new { name = "Cả tỉnh", role = Role.Viewer, units = Codes("01") }, Cancellation);
        using var viewerWrites = await viewer.PostAsJsonAsync("/api/v1/apikeys", new { name = "Nhập thay", role = Role.DataEntry, units = Codes("K0007") }, Cancellation);

        var problem = await otherCommune.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("key.unit-outside", error.Text("code"));
        Assert.Equal("K0008", error.Text("found"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, province.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, viewerWrites.StatusCode);
        await using var db = app.OpenContext();
        Assert.False(await db.ApiKeys.AnyAsync(k => k.User!.UserName == "k.vuot.quyen" || k.User!.UserName == "k.chi.xem", Cancellation));
    }

    [Fact]
    public async Task BadRequest_ListsEveryProblem()
    {
        await app.AddUserAsync("k.sai.het", Role.Viewer, "01");
        var owner = await app.SignedInClientAsync("k.sai.het");

        using var response = await owner.PostAsJsonAsync("/api/v1/apikeys", new { name = "", role = "national-admin", units = Codes("ZZ999"), days = 400 }, Cancellation);

        var problem = await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        Assert.Equal(
            ["key.name", "key.role", "key.days", "key.unit-unknown"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.Text("code")));
    }

    [Fact]
    public async Task TheSessionCookie_CannotCreateKeysThroughTheApi()
    {
        await app.AddUserAsync("k.cookie", Role.Viewer, "01");
        var browser = await app.SignedInBrowserAsync("k.cookie");

        using var response = await browser.PostAsJsonAsync("/api/v1/apikeys", new { name = "Trang khác", role = Role.Viewer, units = Codes("01") }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_ListsAndRevokesKeysWithinTheProvince_OnlyThere()
    {
        await app.AddCommuneAsync("K0009", "Xã Lạc Long", "01");
        await app.AddUserAsync("k.chu.khoa", Role.DataEntry, "K0009");
        await app.AddUserAsync("k.qt.01", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("k.qt.79", Role.ProvinceAdmin, "79");
        var owner = await app.SignedInClientAsync("k.chu.khoa");
        var created = await CreateKeyAsync(owner, new { name = "Cổng dữ liệu", role = Role.DataEntry, units = Codes("K0009") });
        var id = created.GetProperty("row").GetProperty("id").GetInt32();
        var admin = await app.SignedInClientAsync("k.qt.01");
        var stranger = await app.SignedInClientAsync("k.qt.79");

        using var strangerList = await stranger.GetAsync(new Uri("/api/v1/apikeys?user=k.chu.khoa", UriKind.Relative), Cancellation);
        using var strangerRevoke = await stranger.PostAsync(new Uri($"/api/v1/apikeys/{id}/revoke", UriKind.Relative), null, Cancellation);
        var listed = await admin.GetJsonAsync("/api/v1/apikeys?user=k.chu.khoa");
        using var revoke = await admin.PostAsync(new Uri($"/api/v1/apikeys/{id}/revoke", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, strangerList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerRevoke.StatusCode);
        Assert.Equal("Cổng dữ liệu", Assert.Single(listed.EnumerateArray()).Text("name"));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await using var db = app.OpenContext();
        var events = await db.AccountEvents.AsNoTracking().Where(e => e.TargetUserName == "k.chu.khoa").OrderBy(e => e.Id).ToListAsync(Cancellation);
        Assert.Equal([AccountEventKinds.KeyCreated, AccountEventKinds.KeyRevoked], events.Select(e => e.Kind));
        Assert.Equal("k.qt.01", events[^1].Actor.Name);
    }

    private static async Task<JsonElement> CreateKeyAsync(HttpClient owner, object request)
    {
        using var response = await owner.PostAsJsonAsync("/api/v1/apikeys", request, Cancellation);
        return await response.ReadJsonAsync(HttpStatusCode.Created, "application/json");
    }

    private HttpClient KeyClient(string keyText)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", keyText);
        return client;
    }

    private static Task<HttpResponseMessage> PutValueAsync(HttpClient client, string unit, double value) =>
        client.PutAsJsonAsync("/api/v1/datavalues", new[] { new { unit, measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value } }, Cancellation);

    /// <summary>Stores a key directly, for what only time can make (an expired key).</summary>
    private async Task<string> StoreKeyAsync(string owner, string unitCode, DateTime expires)
    {
        await using var db = app.OpenContext();
        var user = await db.Users.SingleAsync(u => u.UserName == owner, Cancellation);
        var unit = await db.Units.SingleAsync(u => u.Code == new Domain.Geography.UnitCode(unitCode) && u.ValidTo == null, Cancellation);
        var (prefix, secret, keyText) = ApiKey.Generate();
        var key = new ApiKey { UserId = user.Id, Name = "Khoá cũ", Prefix = prefix, SecretHash = ApiKey.HashSecret(secret), Role = Role.DataEntry, CreatedAtUtc = expires.AddDays(-90), ExpiresAtUtc = expires };
        key.Units.Add(new ApiKeyUnit { UnitId = unit.Id });
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(Cancellation);
        return keyText;
    }

    /// <summary>Unit codes for a request body.</summary>
    private static string[] Codes(params string[] codes) => codes;

    public sealed class OnSqlite(OpenDtiApp app) : ApiKeysApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : ApiKeysApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
