using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenDti.Domain.Values;

namespace OpenDti.Features.Accounts;

/// <summary>
/// <c>GET/POST /api/v1/apikeys</c> and <c>POST /api/v1/apikeys/{id}/revoke</c>, for a bearer token only: an API
/// key never manages keys, and the cookie is not accepted, so that no other site can make a browser create one.
/// </summary>
internal static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/apikeys")
            .WithTags("Accounts")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AccountsRegistration.ApiSchemes).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync)
            .WithSummary("Khoá API của tôi / my API keys")
            .WithDescription("Lists the caller's keys (never their secret). Administrators add ?user=NAME for the keys of an account they administer. Needs Authorization: Bearer.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync)
            .WithSummary("Tạo khoá API / create an API key")
            .WithDescription("Body: {name, role: data-entry|viewer, units: [codes], days: 1–365 (default 90)}. The units must be within the caller's own units for that role. The key text (odk_…) is in the response once and never again: only its hash is stored. Use it as X-Api-Key. Needs Authorization: Bearer; an API key cannot create keys.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:int}/revoke", RevokeAsync)
            .WithSummary("Thu hồi khoá API / revoke an API key")
            .WithDescription("Revokes one of the caller's keys, or a key of an account the caller administers; the key is refused from the next request on.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<KeyRow>>, ProblemHttpResult>> ListAsync(string? user, CurrentActor current, ApiKeyIssuer keys, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        var (result, rows) = await keys.ListForAsync(actor, user, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(rows) : AccountProblems.From(result);
    }

    private static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAsync([FromBody] KeyRequest request, CurrentActor current, ApiKeyIssuer keys, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        var (result, created) = await keys.CreateAsync(actor, request, ValueSources.Api, cancellationToken);
        return result.Succeeded ? TypedResults.Created($"/api/v1/apikeys/{created!.Row.Id}", created) : AccountProblems.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(int id, CurrentActor current, ApiKeyIssuer keys, CancellationToken cancellationToken)
    {
        if (await current.GetAsync(cancellationToken) is not { } actor)
        {
            return AccountProblems.NotSignedIn();
        }

        var result = await keys.RevokeAsync(actor, id, ValueSources.Api, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : AccountProblems.From(result);
    }
}
