using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Accounts;

/// <summary>/account/sign-in, /account/sign-out and the header, through the real pipeline with cookies and antiforgery tokens.</summary>
public sealed class SignInPageTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RightPassword_SignsInAndTheHeaderShowsTheName()
    {
        await app.AddUserAsync("tran.thi.mai", Role.Viewer, "01");
        var client = app.BrowserClient();

        using var response = await client.PostFormAsync("/account/sign-in", new() { ["UserName"] = "tran.thi.mai", ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location?.OriginalString);
        var header = PageForms.VisibleText(await client.GetStringAsync(new Uri("/units", UriKind.Relative), Cancellation));
        Assert.Contains("tran.thi.mai", header, StringComparison.Ordinal);
        Assert.Contains("Đăng xuất", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng nhập", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_HeaderOffersSignIn()
    {
        var html = await app.CreateClient().GetHtmlAsync("/units");

        Assert.Contains("href=\"/account/sign-in?ReturnUrl=%2Funits\"", html, StringComparison.Ordinal);
        Assert.Contains(">Đăng nhập</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPasswordAndUnknownUser_GetTheSameMessage()
    {
        await app.AddUserAsync("le.van.nam", Role.Viewer, "01");
        var client = app.BrowserClient();

        using var wrongPassword = await client.PostFormAsync("/account/sign-in", new() { ["UserName"] = "le.van.nam", ["Password"] = "không-phải-mật-khẩu" });
        using var unknownUser = await client.PostFormAsync("/account/sign-in", new() { ["UserName"] = "khong.co.ai", ["Password"] = "không-phải-mật-khẩu" });

        var first = await wrongPassword.Content.ReadAsStringAsync(Cancellation);
        var second = await unknownUser.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownUser.StatusCode);
        Assert.Contains("Sai tên đăng nhập hoặc mật khẩu.", first, StringComparison.Ordinal);
        Assert.Contains("Sai tên đăng nhập hoặc mật khẩu.", second, StringComparison.Ordinal);
        Assert.Equal(Message(first), Message(second));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountAndSayUntilWhen()
    {
        await app.AddUserAsync("pham.van.khoa", Role.Viewer, "01");
        var client = app.BrowserClient();
        for (var i = 0; i < AccountRulesLimit; i++)
        {
            using var failed = await client.PostFormAsync("/account/sign-in", new() { ["UserName"] = "pham.van.khoa", ["Password"] = $"sai-mật-khẩu-{i}" });
        }

        using var rightPassword = await client.PostFormAsync("/account/sign-in", new() { ["UserName"] = "pham.van.khoa", ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        var text = PageForms.VisibleText(await rightPassword.Content.ReadAsStringAsync(Cancellation));
        Assert.Matches(@"Sai mật khẩu quá nhiều lần: tài khoản tạm khoá đến \d\d:\d\d \d\d/\d\d/\d{4} \(giờ Việt Nam\)", text);
        Assert.DoesNotContain("pham.van.khoa Đăng xuất", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsThroughTheApi_LockTheAccountEvenForTheRightPassword()
    {
        await app.AddUserAsync("t.bi.do", Role.Viewer, "01");
        var attacker = app.BrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await attacker.PostAsJsonAsync("/api/v1/auth/token", new { userName = "t.bi.do", password = $"đoán-{i}-mật-khẩu" }, Cancellation);
            statuses.Add(attempt.StatusCode);
        }

        using var rightPassword = await attacker.PostAsJsonAsync("/api/v1/auth/token", new { userName = "t.bi.do", password = TestAccounts.Password }, Cancellation);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        var problem = await rightPassword.ReadJsonAsync(HttpStatusCode.TooManyRequests, "application/problem+json");
        Assert.Contains("Tạm khoá", problem.Text("title"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/units?on=2025-06-30", "/units?on=2025-06-30")]
    [InlineData("https://evil.example/phish", "/account")]
    [InlineData("//evil.example/phish", "/account")]
    [InlineData("/\\evil.example/phish", "/account")]
    [InlineData("javascript:alert(1)", "/account")]
    public async Task ReturnUrl_LeadsOnlyToThisSite(string returnUrl, string expected)
    {
        var name = "nguoi.dung." + Math.Abs(returnUrl.GetHashCode(StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await app.AddUserAsync(name, Role.Viewer, "01");
        var client = app.BrowserClient();

        using var response = await client.PostFormAsync(
            "/account/sign-in", new() { ["UserName"] = name, ["Password"] = TestAccounts.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInWithoutAntiforgeryToken_IsRefused()
    {
        await app.AddUserAsync("csrf.dang.nhap", Role.Viewer, "01");
        var client = app.BrowserClient();

        using var response = await client.PostWithoutTokenAsync("/account/sign-in", new() { ["UserName"] = "csrf.dang.nhap", ["Password"] = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("opendti.auth=", StringComparison.Ordinal) && !c.StartsWith("opendti.auth=;", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignOut_OnlyByPostWithToken()
    {
        await app.AddUserAsync("vu.thi.lan", Role.Viewer, "01");
        var client = await app.SignedInBrowserAsync("vu.thi.lan");

        using var get = await client.GetAsync(new Uri("/account/sign-out", UriKind.Relative), Cancellation);
        using var forged = await client.PostWithoutTokenAsync("/account/sign-out", []);
        var stillIn = await client.GetAsync(new Uri("/account", UriKind.Relative), Cancellation);
        using var signOut = await client.PostFormAsync("/account", [], "/account/sign-out");
        var after = await client.GetAsync(new Uri("/account", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in?ReturnUrl=%2Faccount", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_ShowsWhoIAmAndMyRolesWithTheirSubtree()
    {
        await app.AddCommuneAsync("T0101", "Xã Thử Nghiệm Một", "01");
        await app.AddUserAsync("do.van.hung", Role.Reviewer, "01");

        var client = await app.SignedInBrowserAsync("do.van.hung");
        var text = PageForms.VisibleText(await client.GetStringAsync(new Uri("/account", UriKind.Relative), Cancellation));

        Assert.Contains("Tên đăng nhập do.van.hung", text, StringComparison.Ordinal);
        Assert.Contains("Người duyệt (reviewer)", text, StringComparison.Ordinal);
        Assert.Contains("01 Thành phố Hà Nội", text, StringComparison.Ordinal);
        Assert.Matches(@"Thành phố Hà Nội và [1-9][0-9]* đơn vị trực thuộc", text);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheOldCookieAndTheOldBearerTokenAtOnce()
    {
        await app.AddCommuneAsync("T0102", "Xã Thử Nghiệm Hai", "01");
        await app.AddUserAsync("bui.thi.hoa", Role.DataEntry, "T0102");
        var oldBrowser = await app.SignedInBrowserAsync("bui.thi.hoa");
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.TokenAsync(api, "bui.thi.hoa"));
        using var before = await api.GetAsync(new Uri("/api/v1/apikeys", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var thisBrowser = await app.SignedInBrowserAsync("bui.thi.hoa");

        using var everywhere = await thisBrowser.PostFormAsync("/account", [], "/account?handler=Everywhere");
        LaterRequest();

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        using var oldCookie = await oldBrowser.GetAsync(new Uri("/account", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, oldCookie.StatusCode);
        Assert.Contains("/account/sign-in", oldCookie.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var oldToken = await api.PutAsync(
            new Uri("/api/v1/datavalues", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new[] { new { unit = "T0102", measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 10 } }),
            Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.StatusCode);
        using var oldTokenList = await api.GetAsync(new Uri("/api/v1/apikeys", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, oldTokenList.StatusCode);
        var header = PageForms.VisibleText(await thisBrowser.GetStringAsync(new Uri("/units", UriKind.Relative), Cancellation));
        Assert.DoesNotContain("bui.thi.hoa", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessionsKeepsThisOneAndTheNewPasswordWorks()
    {
        await app.AddUserAsync("ngo.van.tuan", Role.Viewer, "01");
        var other = await app.SignedInBrowserAsync("ngo.van.tuan");
        var client = await app.SignedInBrowserAsync("ngo.van.tuan");
        const string newPassword = "một câu mật khẩu mới khá dài";

        using var changed = await client.PostFormAsync("/account", new()
        {
            ["CurrentPassword"] = TestAccounts.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        }, "/account?handler=Password");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/account?password=changed", changed.Headers.Location?.OriginalString);
        LaterRequest();
        using var thisOne = await client.GetAsync(new Uri("/account", UriKind.Relative), Cancellation);
        using var otherOne = await other.GetAsync(new Uri("/account", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, thisOne.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherOne.StatusCode);
        Assert.False(string.IsNullOrEmpty(await TestAccounts.TokenAsync(app.CreateClient(), "ngo.van.tuan", newPassword)));
    }

    [Fact]
    public async Task ChangePassword_TooShortIsRefusedWithTheRule()
    {
        await app.AddUserAsync("ly.thi.thu", Role.Viewer, "01");
        var client = await app.SignedInBrowserAsync("ly.thi.thu");

        using var refused = await client.PostFormAsync("/account", new()
        {
            ["CurrentPassword"] = TestAccounts.Password,
            ["NewPassword"] = "ngắn",
            ["ConfirmPassword"] = "ngắn",
        }, "/account?handler=Password");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mật khẩu cần ít nhất 10 ký tự", await refused.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(await TestAccounts.TokenAsync(app.CreateClient(), "ly.thi.thu")));
    }

    private const int AccountRulesLimit = 5;

    /// <summary>
    /// The app's clock stands still in tests; the cookie validator checks the security stamp of a cookie issued
    /// before now (every later request in real life), so the next requests happen a second later.
    /// </summary>
    private void LaterRequest() => app.Time.Advance(TimeSpan.FromSeconds(1));

    private static string Message(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<p class=\"error\" role=\"alert\">([^<]*)</p>").Groups[1].Value;
}
