using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Accounts;

/// <summary>User administration through the API, by administrators and by those who would like to be, on SQLite and PostgreSQL.</summary>
public abstract class UsersApiTests(OpenDtiApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NationalAdmin_AddsAnAccount_WhoseOneTimePasswordOnlyLetsThemChooseANewOne()
    {
        await app.AddUserAsync("u.qt.quoc.gia", Role.NationalAdmin, "VN");
        var admin = await app.SignedInClientAsync("u.qt.quoc.gia");

        using var add = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "Nguyen.Thi.Hoa", displayName = "Nguyễn Thị Hoa", role = Role.Reviewer, unit = "31" }, Cancellation);

        var created = await add.ReadJsonAsync(HttpStatusCode.Created, "application/json");
        Assert.Equal("nguyen.thi.hoa", created.Text("userName"));
        var oneTime = created.Text("password")!;
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", oneTime);
        using var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "nguyen.thi.hoa", password = oneTime }, Cancellation);
        var refused = await token.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Contains("choose a new password first", refused.Text("detail"), StringComparison.Ordinal);
        var browser = app.BrowserClient();
        using var signIn = await browser.PostFormAsync("/account/sign-in", new() { ["UserName"] = "nguyen.thi.hoa", ["Password"] = oneTime });
        Assert.Equal("/account?password=required", signIn.Headers.Location?.OriginalString);
        using var keysPage = await browser.GetAsync(new Uri("/account/keys", UriKind.Relative), Cancellation);
        Assert.Equal("/account", keysPage.Headers.Location?.OriginalString);
        using var changed = await browser.PostFormAsync("/account", new() { ["CurrentPassword"] = oneTime, ["NewPassword"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password }, "/account?handler=Password");
        Assert.Equal("/account?password=changed", changed.Headers.Location?.OriginalString);
        Assert.False(string.IsNullOrEmpty(await TestAccounts.TokenAsync(app.CreateClient(), "nguyen.thi.hoa")));
        await using var db = app.OpenContext();
        var events = await db.AccountEvents.AsNoTracking().Where(e => e.TargetUserName == "nguyen.thi.hoa").OrderBy(e => e.Id).ToListAsync(Cancellation);
        Assert.Equal([AccountEventKinds.UserAdded, AccountEventKinds.PasswordChanged], events.Select(e => e.Kind));
        Assert.Equal("u.qt.quoc.gia", events[0].Actor.Name);
        Assert.Equal("reviewer @ 31 Thành phố Hải Phòng", events[0].Detail);
        Assert.DoesNotContain(events, e => e.Detail.Contains(oneTime, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProvinceAdmin_CannotGrantNationalAdmin()
    {
        await app.AddUserAsync("u.qt.tinh.a", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("u.nhan.vien.a", Role.Viewer, "01");
        var admin = await app.SignedInClientAsync("u.qt.tinh.a");

        using var toOther = await admin.PostAsJsonAsync("/api/v1/users/u.nhan.vien.a/roles", new { role = Role.NationalAdmin, unit = "VN" }, Cancellation);
        using var onProvince = await admin.PostAsJsonAsync("/api/v1/users/u.nhan.vien.a/roles", new { role = Role.NationalAdmin, unit = "01" }, Cancellation);
        using var newUser = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "u.leo.thang", role = Role.NationalAdmin, unit = "VN" }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, toOther.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onProvince.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newUser.StatusCode);
        await using var db = app.OpenContext();
        Assert.False(await db.RoleAssignments.AnyAsync(r => r.Role == Role.NationalAdmin && (r.UserId == db.Users.Single(u => u.UserName == "u.nhan.vien.a").Id), Cancellation));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "u.leo.thang", Cancellation));
    }

    [Fact]
    public async Task ProvinceAdmin_CannotGrantOnAnotherProvince()
    {
        await app.AddCommuneAsync("U0001", "Xã Cần Giờ", "79");
        await app.AddUserAsync("u.qt.tinh.b", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("u.nhan.vien.b", Role.Viewer, "01");
        var admin = await app.SignedInClientAsync("u.qt.tinh.b");

        using var province = await admin.PostAsJsonAsync("/api/v1/users/u.nhan.vien.b/roles", new { role = Role.Reviewer, unit = "79" }, Cancellation);
        using var commune = await admin.PostAsJsonAsync("/api/v1/users/u.nhan.vien.b/roles", new { role = Role.DataEntry, unit = "U0001" }, Cancellation);
        using var provinceAdmin = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "u.qt.tinh.khac", role = Role.ProvinceAdmin, unit = "79" }, Cancellation);

        var problem = await province.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Equal("unit.outside", problem.GetProperty("errors")[0].Text("code"));
        Assert.Equal(HttpStatusCode.Forbidden, commune.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, provinceAdmin.StatusCode);
        var roles = (await admin.GetJsonAsync("/api/v1/users/u.nhan.vien.b")).GetProperty("user").GetProperty("roles");
        Assert.Equal([Role.Viewer], roles.EnumerateArray().Select(r => r.Text("role")));
    }

    [Fact]
    public async Task ProvinceAdmin_GrantsAndWithdrawsWithinTheProvince_AndTheHistoryKeepsBoth()
    {
        await app.AddCommuneAsync("U0002", "Xã Sóc Sơn", "01");
        await app.AddUserAsync("u.qt.tinh.c", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("u.nhan.vien.c", Role.Viewer, "01");
        var admin = await app.SignedInClientAsync("u.qt.tinh.c");

        using var grant = await admin.PostAsJsonAsync("/api/v1/users/u.nhan.vien.c/roles", new { role = Role.DataEntry, unit = "U0002" }, Cancellation);
        var detail = await admin.GetJsonAsync("/api/v1/users/u.nhan.vien.c");
        var granted = detail.GetProperty("user").GetProperty("roles").EnumerateArray().Single(r => r.Text("role") == Role.DataEntry);
        using var withdraw = await admin.DeleteAsync(new Uri($"/api/v1/users/u.nhan.vien.c/roles/{granted.GetProperty("id").GetInt32()}", UriKind.Relative), Cancellation);
        var after = await admin.GetJsonAsync("/api/v1/users/u.nhan.vien.c");

        Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        Assert.Equal("U0002", granted.Text("unitCode"));
        Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        Assert.Equal([Role.Viewer], after.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.Text("role")));
        Assert.Equal(
            [AccountEventKinds.RoleWithdrawn, AccountEventKinds.RoleGranted],
            after.GetProperty("history").EnumerateArray().Select(e => e.Text("kind")));
        Assert.Equal("data-entry @ U0002 Xã Sóc Sơn", after.GetProperty("history")[0].Text("detail"));
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.DataEntry)]
    [InlineData(Role.Reviewer)]
    public async Task NonAdministrators_CannotListAddOrGrant(string role)
    {
        var name = "u.khong.quan.tri." + role;
        await app.AddUserAsync(name, role, "01");
        await app.AddUserAsync("u.muc.tieu." + role, Role.Viewer, "01");
        var client = await app.SignedInClientAsync(name);

        using var list = await client.GetAsync(new Uri("/api/v1/users", UriKind.Relative), Cancellation);
        using var add = await client.PostAsJsonAsync("/api/v1/users", new { userName = "u.ban.than." + role, role = Role.ProvinceAdmin, unit = "01" }, Cancellation);
        using var grantSelf = await client.PostAsJsonAsync($"/api/v1/users/{name}/roles", new { role = Role.ProvinceAdmin, unit = "01" }, Cancellation);
        using var lockOther = await client.PostAsync(new Uri($"/api/v1/users/u.muc.tieu.{role}/lock", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grantSelf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lockOther.StatusCode);
        await using var db = app.OpenContext();
        Assert.Equal(1, await db.RoleAssignments.CountAsync(r => r.UserId == db.Users.Single(u => u.UserName == name).Id, Cancellation));
        Assert.Null((await db.Users.SingleAsync(u => u.UserName == "u.muc.tieu." + role, Cancellation)).LockoutEnd);
    }

    [Fact]
    public async Task Lock_StopsTokensAndKeysAtOnce_UnlockRestoresThem()
    {
        await app.AddCommuneAsync("U0003", "Xã Ba Vì", "01");
        await app.AddUserAsync("u.qt.tinh.d", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("u.bi.khoa", Role.DataEntry, "U0003");
        var admin = await app.SignedInClientAsync("u.qt.tinh.d");
        var user = await app.SignedInClientAsync("u.bi.khoa");
        using var created = await user.PostAsJsonAsync("/api/v1/apikeys", new { name = "Đồng bộ xã", role = Role.DataEntry, units = Codes("U0003") }, Cancellation);
        var keyText = (await created.ReadJsonAsync(HttpStatusCode.Created, "application/json")).Text("keyText")!;
        var key = app.CreateClient();
        key.DefaultRequestHeaders.Add("X-Api-Key", keyText);

        using var locked = await admin.PostAsync(new Uri("/api/v1/users/u.bi.khoa/lock", UriKind.Relative), null, Cancellation);
        using var tokenAfterLock = await PutAsync(user);
        using var keyAfterLock = await PutAsync(key);
        using var signInAfterLock = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "u.bi.khoa", password = TestAccounts.Password }, Cancellation);
        using var unlocked = await admin.PostAsync(new Uri("/api/v1/users/u.bi.khoa/unlock", UriKind.Relative), null, Cancellation);
        using var keyAfterUnlock = await PutAsync(key);

        Assert.Equal(HttpStatusCode.NoContent, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfterLock.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keyAfterLock.StatusCode);
        var refused = await signInAfterLock.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Contains("locked by an administrator", refused.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyAfterUnlock.StatusCode);
        Assert.False(string.IsNullOrEmpty(await TestAccounts.TokenAsync(app.CreateClient(), "u.bi.khoa")));
    }

    [Fact]
    public async Task ProvinceAdmin_CannotSeeOrLockTheNationalAdmin_NorLockThemselves()
    {
        await app.AddUserAsync("u.qt.quoc.gia.2", Role.NationalAdmin, "VN");
        await app.AddUserAsync("u.qt.tinh.e", Role.ProvinceAdmin, "01");
        var admin = await app.SignedInClientAsync("u.qt.tinh.e");

        using var lockNational = await admin.PostAsync(new Uri("/api/v1/users/u.qt.quoc.gia.2/lock", UriKind.Relative), null, Cancellation);
        using var resetNational = await admin.PostAsync(new Uri("/api/v1/users/u.qt.quoc.gia.2/reset-password", UriKind.Relative), null, Cancellation);
        using var lockSelf = await admin.PostAsync(new Uri("/api/v1/users/u.qt.tinh.e/lock", UriKind.Relative), null, Cancellation);
        var list = await admin.GetJsonAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.NotFound, lockNational.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, resetNational.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, lockSelf.StatusCode);
        Assert.DoesNotContain("u.qt.quoc.gia.2", list.EnumerateArray().Select(u => u.Text("userName")));
        Assert.Contains("u.qt.tinh.e", list.EnumerateArray().Select(u => u.Text("userName")));
    }

    [Fact]
    public async Task ProvinceAdmin_CannotLockAnAccountThatAlsoHoldsARoleElsewhere()
    {
        await app.AddUserAsync("u.qt.tinh.f", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("u.hai.tinh", Role.Viewer, "01");
        await app.AddUserAsync("u.qt.tinh.g", Role.ProvinceAdmin, "79");
        var other = await app.SignedInClientAsync("u.qt.tinh.g");
        using var grant = await other.PostAsJsonAsync("/api/v1/users/u.hai.tinh/roles", new { role = Role.Viewer, unit = "79" }, Cancellation);
        var admin = await app.SignedInClientAsync("u.qt.tinh.f");

        using var locked = await admin.PostAsync(new Uri("/api/v1/users/u.hai.tinh/lock", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        var problem = await locked.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        Assert.Equal("user.outside", problem.GetProperty("errors")[0].Text("code"));
    }

    [Fact]
    public async Task ResetPassword_EndsTheOldTokenAndGivesAOneTimePassword()
    {
        await app.AddUserAsync("u.qt.tinh.h", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("u.quen.mat.khau", Role.Viewer, "01");
        var admin = await app.SignedInClientAsync("u.qt.tinh.h");
        var user = await app.SignedInClientAsync("u.quen.mat.khau");

        using var reset = await admin.PostAsync(new Uri("/api/v1/users/u.quen.mat.khau/reset-password", UriKind.Relative), null, Cancellation);
        using var oldToken = await user.GetAsync(new Uri("/api/v1/apikeys", UriKind.Relative), Cancellation);
        using var oldPassword = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "u.quen.mat.khau", password = TestAccounts.Password }, Cancellation);

        var oneTime = (await reset.ReadJsonAsync(HttpStatusCode.OK, "application/json")).Text("password")!;
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        using var withOneTime = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "u.quen.mat.khau", password = oneTime }, Cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, withOneTime.StatusCode);
    }

    [Fact]
    public async Task TheAccountHistory_RefusesUpdatesAndDeletes()
    {
        await app.AddUserAsync("u.qt.tinh.i", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("u.lich.su", Role.Viewer, "01");
        var admin = await app.SignedInClientAsync("u.qt.tinh.i");
        using var locked = await admin.PostAsync(new Uri("/api/v1/users/u.lich.su/lock", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, locked.StatusCode);
        await using var db = app.OpenContext();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE account_events SET \"Detail\" = 'không có gì'", Cancellation));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM account_events", Cancellation));

        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.NotNull(delete);
        Assert.True(await db.AccountEvents.AnyAsync(e => e.TargetUserName == "u.lich.su" && e.Kind == AccountEventKinds.Locked, Cancellation));
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client) =>
        client.PutAsJsonAsync("/api/v1/datavalues", new[] { new { unit = "U0003", measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 9 } }, Cancellation);

    /// <summary>Unit codes for a request body.</summary>
    private static string[] Codes(params string[] codes) => codes;

    public sealed class OnSqlite(OpenDtiApp app) : UsersApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : UsersApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
