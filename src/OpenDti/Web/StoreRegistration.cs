using Microsoft.Extensions.Options;
using OpenDti.Features.Rankings;
using OpenDti.Store;

namespace OpenDti.Web;

internal static class StoreRegistration
{
    /// <summary>
    /// Registers the context for the provider the configured connection string selects (the one choice is
    /// made in <see cref="StoreConnection"/>); everything else asks for <see cref="OpenDtiDbContext"/>.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var connectionString = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>()?.ConnectionString
            ?? StoreConnection.DefaultSqlite;
        if (StoreConnection.ProviderOf(connectionString) == StoreProvider.Postgres)
        {
            services.AddDbContext<PostgresOpenDtiDbContext>(options =>
                StoreConnection.Configure(options, connectionString));
            services.AddScoped<OpenDtiDbContext>(sp => sp.GetRequiredService<PostgresOpenDtiDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteOpenDtiDbContext>(options =>
                StoreConnection.Configure(options, connectionString));
            services.AddScoped<OpenDtiDbContext>(sp => sp.GetRequiredService<SqliteOpenDtiDbContext>());
        }

        services.AddHostedService<StoreStartup>();
        return services;
    }
}

/// <summary>Migrates and seeds the store before the server accepts its first request.</summary>
internal sealed class StoreStartup(IServiceScopeFactory scopes, IOptions<StoreOptions> options, TimeProvider time, ILoggerFactory loggers)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var initializer = new StoreInitializer(db, time, loggers.CreateLogger<StoreInitializer>());
        // The demo rankings are computed in the same turn: two instances starting together on one empty PostgreSQL
        // database would otherwise both compute them and the second would stop on the first one's seed record.
        await initializer.InitializeAsync(
            options.Value.Demo,
            options.Value.Demo ? ct => DemoRankings.EnsureAsync(db, time, ct) : null,
            cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
