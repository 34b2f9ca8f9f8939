using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenDti.Features.Accounts;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// <c>GET /data/evidence/{id}</c>: an evidence file, for someone who may read the unit's data (anyone else
/// gets 404, as if it did not exist). Always a download, never a page: <c>Content-Disposition: attachment</c>,
/// the type decided from the bytes at upload, no sniffing, and a sandbox that forbids everything should a
/// browser render it anyway.
/// </summary>
internal static class EvidenceDownloads
{
    public static IEndpointRouteBuilder MapEvidenceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/data/evidence/{id:long}", DownloadAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ChallengeHttpResult>> DownloadAsync(
        long id, CurrentActor current, EvidenceFiles files, HttpContext context, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        if (actor is null)
        {
            return TypedResults.Challenge(authenticationSchemes: [IdentityConstants.ApplicationScheme]);
        }

        var evidence = await files.OpenAsync(id, actor, cancellationToken);
        if (evidence is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentDisposition = EvidenceFileName.ContentDisposition(evidence.FileName);
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "private, no-store";
        var contentType = evidence.ContentType == "text/csv" ? "text/csv; charset=utf-8" : evidence.ContentType;
        return TypedResults.File(evidence.Content, contentType);
    }
}
