using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenDti.Store;

namespace OpenDti.Web;

/// <summary>
/// Healthy when the store answers a query. A query, not only opening a connection: a pooled connection opens
/// without a word to the server, so a PostgreSQL that restarted or went away would still look healthy.
/// </summary>
internal sealed class StoreHealthCheck(OpenDtiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").ToListAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DbException exception)
        {
            if (StoreFailures.IsUnavailable(exception))
            {
                StoreFailures.ForgetPooledConnections();
            }

            return HealthCheckResult.Unhealthy("the store does not answer", exception);
        }
    }

    /// <summary>"Healthy", or "Unhealthy: " with each failing check by name ("store: the store does not answer"); never the exception.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsync(report.Status.ToString());
        }

        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync($"{report.Status}: {string.Join("; ", failing)}");
    }
}
