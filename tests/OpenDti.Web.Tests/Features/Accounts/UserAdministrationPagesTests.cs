using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Accounts;

/// <summary>/admin/users and /admin/users/{name} as an administrator uses them, and as a forged form or a non-administrator tries.</summary>
public sealed partial class UserAdministrationPagesTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administrator_AddsAnAccount_SeesItsOneTimePasswordOnce_AndItsHistory()
    {
        await app.AddUserAsync("p.qt.tinh", Role.ProvinceAdmin, "01");
        var admin = await app.SignedInBrowserAsync("p.qt.tinh");

        using var added = await admin.PostFormAsync("/admin/users", new()
        {
            ["UserName"] = "tran.van.binh",
            ["DisplayName"] = "Trần Văn Bình",
            ["Role"] = Role.Viewer,
            ["Unit"] = "01",
        });
        var html = await added.Content.ReadAsStringAsync(Cancellation);
        using var locked = await admin.PostFormAsync("/admin/users/tran.van.binh", [], "/admin/users/tran.van.binh?handler=Lock");
        var page = PageForms.VisibleText(await admin.GetStringAsync(new Uri("/admin/users/tran.van.binh", UriKind.Relative), Cancellation));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Đã thêm tài khoản tran.van.binh", PageForms.VisibleText(html), StringComparison.Ordinal);
        var password = OneTimePassword().Match(html);
        Assert.True(password.Success, "the one-time password is shown");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.DoesNotContain(password.Groups[1].Value, page, StringComparison.Ordinal);
        Assert.Contains("Trạng thái Đã khoá", page, StringComparison.Ordinal);
        Assert.Contains("Khoá tài khoản p.qt.tinh (form)", page, StringComparison.Ordinal);
        Assert.Contains("Thêm tài khoản p.qt.tinh (form)", page, StringComparison.Ordinal);
        Assert.Contains("viewer @ 01 Thành phố Hà Nội", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedForms_WithoutTheToken_ChangeNothing()
    {
        await app.AddUserAsync("p.qt.tinh.2", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("p.muc.tieu", Role.Viewer, "01");
        var admin = await app.SignedInBrowserAsync("p.qt.tinh.2");

        using var add = await admin.PostWithoutTokenAsync("/admin/users", new() { ["UserName"] = "p.gia.mao", ["Role"] = Role.ProvinceAdmin, ["Unit"] = "01" });
        using var grant = await admin.PostWithoutTokenAsync("/admin/users/p.muc.tieu?handler=Grant", new() { ["Role"] = Role.ProvinceAdmin, ["Unit"] = "01" });
        using var lockUser = await admin.PostWithoutTokenAsync("/admin/users/p.muc.tieu?handler=Lock", []);
        using var reset = await admin.PostWithoutTokenAsync("/admin/users/p.muc.tieu?handler=ResetPassword", []);
        using var key = await admin.PostWithoutTokenAsync("/account/keys?handler=Create", new() { ["Name"] = "k", ["Role"] = Role.Viewer, ["Units"] = "01", ["Days"] = "30" });
        using var everywhere = await admin.PostWithoutTokenAsync("/account?handler=Everywhere", []);

        Assert.All([add, grant, lockUser, reset, key, everywhere], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        await using var db = app.OpenContext();
        var target = await db.Users.AsNoTracking().Include(u => u.Roles).SingleAsync(u => u.UserName == "p.muc.tieu", Cancellation);
        Assert.Null(target.LockoutEnd);
        Assert.False(target.MustChangePassword);
        Assert.Equal([Role.Viewer], target.Roles.Select(r => r.Role));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "p.gia.mao", Cancellation));
        Assert.False(await db.ApiKeys.AnyAsync(k => k.User!.UserName == "p.qt.tinh.2", Cancellation));
        using var stillSignedIn = await admin.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task NonAdministrator_IsDeniedTheAdministrationPages()
    {
        await app.AddUserAsync("p.nguoi.xem", Role.Viewer, "01");
        var viewer = await app.SignedInBrowserAsync("p.nguoi.xem");

        using var list = await viewer.GetAsync(new Uri("/admin/users", UriKind.Relative), Cancellation);
        using var add = await viewer.PostFormAsync("/account", new() { ["UserName"] = "p.tu.tao", ["Role"] = Role.NationalAdmin, ["Unit"] = "VN" }, "/admin/users");
        using var other = await viewer.GetAsync(new Uri("/admin/users/p.nguoi.xem", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", list.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await using var db = app.OpenContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "p.tu.tao", Cancellation));
    }

    [GeneratedRegex("id=\"one-time-password\" type=\"text\" readonly value=\"([a-z2-9-]{19})\"")]
    private static partial Regex OneTimePassword();
}
