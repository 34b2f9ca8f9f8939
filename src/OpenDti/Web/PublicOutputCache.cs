using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using OpenDti.Store;

namespace OpenDti.Web;

/// <summary>
/// Output caching of the public pages, files and read API, whose content comes from the stored index runs:
/// a response is kept per path, query string and language, and for the index runs the store holds, so a new
/// run (or a deleted one) makes every kept response stale. The instance that stores a run drops them at once
/// (<see cref="PublicCacheVersion.Changed"/>); other instances (a CLI run, a second server on the same
/// PostgreSQL) see the new runs within <see cref="PublicCacheVersion.CheckEvery"/>. Other data (the Decision 749
/// values on a unit page) can be up to <see cref="Lifetime"/> old. Measured in bench/load (README, Benchmarks).
/// Only anonymous requests are cached: none with an Authorization header or any cookie but the language's.
/// </summary>
internal static class PublicOutputCache
{
    public const string PolicyName = "public";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPublicOutputCache(this IServiceCollection services) =>
        services
            .AddSingleton<PublicCacheVersion>()
            .AddOutputCache(options => options.AddPolicy(PolicyName, new Policy()));

    /// <summary>Caches the endpoints of <paramref name="builder"/> with the public policy.</summary>
    public static TBuilder CachePublicly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(PolicyName);

    private sealed class Policy : IOutputCachePolicy
    {
        async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var request = context.HttpContext.Request;
            var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && context.HttpContext.User.Identity?.IsAuthenticated != true
                && request.Cookies.All(c => c.Key == CookieRequestCultureProvider.DefaultCookieName);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = attempt;
            context.AllowCacheStorage = attempt;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Lifetime;
            // The raw query string, not the query keys: the cache sorts a key's repeated values, and the order of
            // /compare?units=01&units=79&units=48 is the order of the columns.
            context.CacheVaryByRules.VaryByValues["query"] = request.QueryString.Value ?? string.Empty;
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            if (attempt)
            {
                var version = context.HttpContext.RequestServices.GetRequiredService<PublicCacheVersion>();
                context.CacheVaryByRules.VaryByValues["runs"] = await version.CurrentAsync(cancellationToken);
            }
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// Which index runs the store holds, as a short text (how many, and the newest id) that is part of every
/// cached response's key. Asked of the store at most once per <see cref="CheckEvery"/>, so a cached
/// request does not touch the database.
/// </summary>
public sealed class PublicCacheVersion(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private Snapshot? _snapshot;

    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } current && now - current.CheckedAt < CheckEvery)
        {
            return current.Value;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var count = await db.IndexRuns.CountAsync(cancellationToken);
        var newest = await db.IndexRuns.MaxAsync(r => (int?)r.Id, cancellationToken);
        var value = string.Create(CultureInfo.InvariantCulture, $"{count}.{newest}");
        Volatile.Write(ref _snapshot, new Snapshot(value, now));
        return value;
    }

    /// <summary>The runs changed in this process: the next request asks the store again.</summary>
    public void Changed() => Volatile.Write(ref _snapshot, null);

    private sealed record Snapshot(string Value, DateTimeOffset CheckedAt);
}
