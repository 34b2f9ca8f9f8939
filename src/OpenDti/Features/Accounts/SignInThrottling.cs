using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace OpenDti.Features.Accounts;

/// <summary>
/// Login throttling beyond the per-account lockout: at most <see cref="SignInThrottlingOptions.PermitLimit"/>
/// sign-in attempts (the sign-in form's POST and <c>POST /api/v1/auth/token</c>) per client address per window,
/// so that one address cannot try many accounts (password spraying), which the lockout of one account does not
/// stop. Past the limit: 429 with Retry-After and a message saying when to try again. Every other request is
/// not limited.
/// </summary>
internal static class SignInThrottling
{
    public static IServiceCollection AddSignInThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottlingOptions>()
            .Bind(configuration.GetSection(SignInThrottlingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(SignInThrottlingOptions.Section).Get<SignInThrottlingOptions>() ?? new SignInThrottlingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = TimeSpan.FromSeconds(options.WindowSeconds),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    public static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Quá nhiều lần đăng nhập / too many sign-in attempts",
                Detail = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Quá nhiều lần đăng nhập từ địa chỉ này; thử lại sau {seconds} giây / too many sign-in attempts from this address; try again in {seconds} seconds."),
            },
        });
    }
}

/// <summary>How many sign-in attempts one client address may make per window. Section "SignInThrottling".</summary>
internal sealed class SignInThrottlingOptions
{
    public const string Section = "SignInThrottling";

    /// <summary>Attempts allowed per address and window.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 20;

    /// <summary>The window, in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
