using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenDti.Web;

/// <summary>
/// Behind a reverse proxy (nginx, see docs/deploy.md) the client's address and scheme come from the proxy's
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> — believed only from the proxies named here (loopback by
/// default, plus section "ReverseProxy:KnownProxies"), and only the last hop, so a client cannot forge its
/// address. Audit entries and sign-in throttling use the address found this way.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }
        });
}
