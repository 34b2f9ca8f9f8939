using Microsoft.AspNetCore.Cors;

namespace OpenDti.Web;

/// <summary>
/// Cross-origin reads of the public API: any origin may GET (or HEAD) what is under <c>/api/v1/</c>, without
/// credentials, so that a newsroom's page or a notebook can fetch the rankings. The policy is an opt-in
/// (<see cref="AllowCrossOriginReads{TBuilder}"/>) and its convention gives it only to endpoints that answer
/// GET or HEAD and nothing else: a POST or PUT endpoint (signing in, writing values) never gets it, even when
/// it is mapped in the same group, so a browser on another site can neither read its answer nor send it a
/// preflighted request.
/// </summary>
internal static class CrossOriginReads
{
    public const string PolicyName = "public-reads";

    public const string ApiPrefix = "/api/v1/";

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddCrossOriginReads(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(PolicyName, policy => policy
            .AllowAnyOrigin()
            .WithMethods(ReadMethods)
            .WithHeaders("Accept", "Accept-Language")
            .WithExposedHeaders("Content-Disposition")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

    /// <summary>Gives the policy to each endpoint of <paramref name="builder"/> under <c>/api/v1/</c> that answers only GET or HEAD.</summary>
    public static TBuilder AllowCrossOriginReads<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods;
            var isRead = methods is { Count: > 0 } && methods.All(m => ReadMethods.Contains(m, StringComparer.OrdinalIgnoreCase));
            var path = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? string.Empty;
            if (isRead && ("/" + path.TrimStart('/')).StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new EnableCorsAttribute(PolicyName));
            }
        });
        return builder;
    }
}
