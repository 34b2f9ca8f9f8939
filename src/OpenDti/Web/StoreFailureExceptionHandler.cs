using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OpenDti.Web;

/// <summary>
/// A request the store could not serve ends in problem details that say so, instead of a bare 500: 503 with
/// <c>Retry-After</c> while the store is away (a PostgreSQL restart, a lost connection) and 507 when its disk
/// is full. Either way the request's transaction never committed, so nothing of it was written.
/// docs/deploy.md, "When things go wrong".
/// </summary>
internal sealed partial class StoreFailureExceptionHandler(IProblemDetailsService problems, ILogger<StoreFailureExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a client should wait before trying again while the store is away, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemDetails problem;
        if (StoreFailures.IsStorageFull(exception))
        {
            LogStorageFull(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status507InsufficientStorage,
                Title = "Bộ nhớ của máy chủ đã đầy / the server's storage is full",
                Detail = "Không lưu gì; dữ liệu đã lưu trước đó vẫn nguyên vẹn. Báo quản trị viên, rồi thử lại khi đã giải phóng chỗ / nothing was saved; what was stored before is intact. Tell the administrator, then try again once space is freed.",
            };
        }
        else if (StoreFailures.IsUnavailable(exception))
        {
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path);
            StoreFailures.ForgetPooledConnections();
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Kho dữ liệu tạm thời không trả lời / the store is briefly unavailable",
                Detail = $"Không lưu gì; thử lại sau {RetryAfterSeconds} giây / nothing was saved; try again in {RetryAfterSeconds} seconds.",
            };
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed: the store's disk is full")]
    private static partial void LogStorageFull(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} failed: the store is unavailable")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path);
}
