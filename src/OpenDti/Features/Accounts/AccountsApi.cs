using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenDti.Domain.Accounts;

namespace OpenDti.Features.Accounts;

/// <summary><c>POST /api/v1/auth/token</c>: a bearer token for a user name and password.</summary>
internal static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueTokenAsync)
            .WithName("IssueToken")
            .WithTags("Accounts")
            .WithSummary("Token cho API / a bearer token for the API")
            .WithDescription("Trả về {\"token\"} dùng trong tiêu đề Authorization: Bearer …; sai mật khẩu nhiều lần sẽ tạm khoá tài khoản / returns a token for the Authorization header; repeated failures lock the account for a while.")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        UserManager<UserAccount> users,
        SignInManager<UserAccount> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider time)
    {
        var user = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName.Trim());
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            return Refused();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut && user.LockoutEnd >= UserAdministration.LockedByAdministrator)
        {
            return TypedResults.Problem(
                "Tài khoản đã bị quản trị viên khoá; hãy liên hệ quản trị viên / the account was locked by an administrator; ask them to unlock it.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Tài khoản bị khoá / account locked");
        }

        if (result.IsLockedOut)
        {
            return TypedResults.Problem(
                $"Tài khoản tạm khoá sau {AccountRules.MaxFailedSignIns} lần sai mật khẩu; thử lại sau {AccountRules.LockoutDuration.TotalMinutes:0} phút / the account is locked after repeated failures; try again later.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Tạm khoá / locked out");
        }

        if (!result.Succeeded)
        {
            return Refused();
        }

        if (user.MustChangePassword)
        {
            return TypedResults.Problem(
                "Mật khẩu này dùng một lần: đăng nhập tại /account/sign-in và đặt mật khẩu mới trước / this is a one-time password: sign in at /account/sign-in and choose a new password first.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cần đổi mật khẩu / password change required");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expires) = AccountsRegistration.CreateToken(bearer.Get(IdentityConstants.BearerScheme), principal, time);
        return TypedResults.Ok(new TokenResponse(token, expires));
    }

    private static ProblemHttpResult Refused() => TypedResults.Problem(
        "Sai tên đăng nhập hoặc mật khẩu / wrong user name or password.",
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Không đăng nhập được / sign-in refused");

    /// <summary>The sign-in request.</summary>
    public sealed record TokenRequest(string? UserName, string? Password);

    /// <summary>The token for <c>Authorization: Bearer …</c>, and when it stops working.</summary>
    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
}
