using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenDti.Domain.Values;

namespace OpenDti.Features.Accounts;

/// <summary>
/// User administration over the API (bearer token of a national or province administrator):
/// <c>GET/POST /api/v1/users</c>, <c>GET /api/v1/users/{name}</c>, <c>POST /api/v1/users/{name}/roles</c>,
/// <c>DELETE /api/v1/users/{name}/roles/{id}</c>, <c>POST /api/v1/users/{name}/lock|unlock|reset-password</c>.
/// </summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users")
            .WithTags("Accounts")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync)
            .WithSummary("Tài khoản trong đơn vị tôi quản trị / accounts within the units I administer");
        group.MapPost("/", AddAsync)
            .WithSummary("Thêm tài khoản / add an account")
            .WithDescription("Body: {userName, displayName, role, unit}. The unit must be within the caller's administered units; national-admin is held on the nation, province-admin on a province. Returns a one-time password, shown once, that the person must replace at first sign-in.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{name}", GetAsync)
            .WithSummary("Một tài khoản và lịch sử thay đổi / one account and its history");
        group.MapPost("/{name}/roles", GrantAsync)
            .WithSummary("Cấp vai trò / grant a role")
            .WithDescription("Body: {role, unit}.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{name}/roles/{id:int}", WithdrawAsync)
            .WithSummary("Thu hồi vai trò / withdraw a role");
        group.MapPost("/{name}/lock", LockAsync)
            .WithSummary("Khoá tài khoản / lock an account")
            .WithDescription("Locks until unlocked: sessions, bearer tokens and API keys of the account stop working at once.");
        group.MapPost("/{name}/unlock", UnlockAsync)
            .WithSummary("Mở khoá tài khoản / unlock an account");
        group.MapPost("/{name}/reset-password", ResetPasswordAsync)
            .WithSummary("Đặt mật khẩu dùng một lần / set a one-time password")
            .WithDescription("Returns a one-time password, shown once; every session of the account ends, and the person must choose a new password at sign-in.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<UserRow>>, ProblemHttpResult>> ListAsync(CurrentActor current, UserAdministration administration, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        if ((await administration.AdministeredAsync(actor, cancellationToken)).Count == 0)
        {
            return NotAnAdministrator();
        }

        return TypedResults.Ok(await administration.ListAsync(actor, cancellationToken));
    }

    private static async Task<Results<Ok<UserDetail>, ProblemHttpResult>> GetAsync(string name, CurrentActor current, UserAdministration administration, AccountHistory history, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        var (result, user) = await administration.GetAsync(actor, name, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new UserDetail(user!, await history.ForUserAsync(user!.Id, cancellationToken)))
            : AccountProblems.From(result);
    }

    private static async Task<Results<Created<OneTimePassword>, ProblemHttpResult>> AddAsync([FromBody] NewUser request, CurrentActor current, UserAdministration administration, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        if ((await administration.AdministeredAsync(actor, cancellationToken)).Count == 0)
        {
            return NotAnAdministrator();
        }

        var (result, password) = await administration.AddAsync(actor, request, ValueSources.Api, cancellationToken);
        if (!result.Succeeded)
        {
            return AccountProblems.From(result);
        }

        var userName = Domain.Text.VietnameseText.Normalize(request.UserName!).Trim().ToLowerInvariant();
        return TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(userName)}", new OneTimePassword(userName, password!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> GrantAsync(string name, [FromBody] RoleRequest request, CurrentActor current, UserAdministration administration, CancellationToken cancellationToken) =>
        await current.GetAsync(cancellationToken) is { } actor
            ? Outcome(await administration.GrantAsync(actor, name, request.Role, request.Unit, ValueSources.Api, cancellationToken))
            : AccountProblems.NotSignedIn();

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(string name, int id, CurrentActor current, UserAdministration administration, CancellationToken cancellationToken) =>
        await current.GetAsync(cancellationToken) is { } actor
            ? Outcome(await administration.WithdrawAsync(actor, name, id, ValueSources.Api, cancellationToken))
            : AccountProblems.NotSignedIn();

    private static async Task<Results<NoContent, ProblemHttpResult>> LockAsync(string name, CurrentActor current, UserAdministration administration, CancellationToken cancellationToken) =>
        await current.GetAsync(cancellationToken) is { } actor
            ? Outcome(await administration.LockAsync(actor, name, ValueSources.Api, cancellationToken))
            : AccountProblems.NotSignedIn();

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(string name, CurrentActor current, UserAdministration administration, CancellationToken cancellationToken) =>
        await current.GetAsync(cancellationToken) is { } actor
            ? Outcome(await administration.UnlockAsync(actor, name, ValueSources.Api, cancellationToken))
            : AccountProblems.NotSignedIn();

    private static async Task<Results<Ok<OneTimePassword>, ProblemHttpResult>> ResetPasswordAsync(string name, CurrentActor current, UserAdministration administration, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        var (result, password) = await administration.ResetPasswordAsync(actor, name, ValueSources.Api, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(new OneTimePassword(name.Trim().ToLowerInvariant(), password!)) : AccountProblems.From(result);
    }

    private static Results<NoContent, ProblemHttpResult> Outcome(AccountResult result) =>
        result.Succeeded ? TypedResults.NoContent() : AccountProblems.From(result);

    private static ProblemHttpResult NotAnAdministrator() => AccountProblems.From(AccountResult.Refuse(
        AccountRefusal.Forbidden, "role", "user.not-administrator", $"vai trò {Domain.Accounts.Role.NationalAdmin} hoặc {Domain.Accounts.Role.ProvinceAdmin} / the {Domain.Accounts.Role.NationalAdmin} or {Domain.Accounts.Role.ProvinceAdmin} role"));

    /// <summary>A role to grant.</summary>
    public sealed record RoleRequest(string? Role, string? Unit);

    /// <summary>A one-time password, shown once: the person signs in with it and must choose a new one.</summary>
    public sealed record OneTimePassword(string UserName, string Password);

    /// <summary>An account with its history of changes.</summary>
    public sealed record UserDetail(UserRow User, IReadOnlyList<AccountEventRow> History);
}
