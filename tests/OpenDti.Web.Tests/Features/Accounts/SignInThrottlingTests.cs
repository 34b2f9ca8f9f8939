using System.Net;
using System.Net.Http.Json;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Accounts;

/// <summary>
/// Brute force against the sign-in form and the token endpoint, with the product's own limit of 20 attempts per
/// address and minute: trying many accounts from one address gets 429 (one account locks after 5 wrong passwords:
/// see <see cref="SignInPageTests"/>).
/// </summary>
public sealed class SignInThrottlingTests(SignInThrottlingTests.ThrottledApp app) : IClassFixture<SignInThrottlingTests.ThrottledApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PasswordSpraying_GetsTooManyRequestsWithRetryAfter_OnTheApiAndTheForm()
    {
        await app.AddUserAsync("t.muc.tieu", Role.Viewer, "01");
        var attacker = app.BrowserClient();
        var statuses = new List<HttpStatusCode>();

        // Twenty different accounts, one password each: no lockout, but the 21st attempt from this address is refused.
        for (var i = 0; i < 20; i++)
        {
            using var attempt = await attacker.PostAsJsonAsync("/api/v1/auth/token", new { userName = $"t.ten.doan.{i}", password = "Mật-khẩu-phổ-biến-1" }, Cancellation);
            statuses.Add(attempt.StatusCode);
        }

        using var api = await attacker.PostAsJsonAsync("/api/v1/auth/token", new { userName = "t.muc.tieu", password = TestAccounts.Password }, Cancellation);
        using var form = await attacker.PostWithoutTokenAsync("/account/sign-in", new() { ["UserName"] = "t.muc.tieu", ["Password"] = TestAccounts.Password });
        using var page = await attacker.GetAsync(new Uri("/account/sign-in", UriKind.Relative), Cancellation);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var problem = await api.ReadJsonAsync(HttpStatusCode.TooManyRequests, "application/problem+json");
        Assert.Contains("try again in", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("Quá nhiều lần đăng nhập", problem.Text("detail"), StringComparison.Ordinal);
        var retryAfter = int.Parse(Assert.Single(api.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.True(form.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>The application with the product's sign-in limit, not the high one other tests use.</summary>
    public sealed class ThrottledApp : OpenDtiApp
    {
        public ThrottledApp() => SignInPermitLimit = new OpenDti.Features.Accounts.SignInThrottlingOptions().PermitLimit;
    }
}
