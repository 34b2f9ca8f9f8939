using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenDti.Store;

namespace OpenDti.Web;

/// <summary>Healthy when the store answers a query.</summary>
internal sealed class StoreHealthCheck(OpenDtiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The store does not answer.");
}
