using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenDti.Features.Rankings;
using OpenDti.Store;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// Two instances started at the same moment on one empty PostgreSQL database, with the demo data: both come up,
/// and the seed and the demo rankings exist once. (The demo rankings were once computed outside the start-up
/// turn, and the second instance stopped on the first one's seed record.)
/// </summary>
public sealed class StartingTogetherTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async ValueTask InitializeAsync() =>
        _connectionString = await TestPostgres.CreateDatabaseAsync($"opendti_together_{Guid.NewGuid():N}", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task TwoStartsOnOneEmptyDatabase_BothSucceed_AndTheDemoRankingsExistOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var first = Instance();
        await using var second = Instance();

        await Task.WhenAll(
            Task.Run(() => StartAsync(first, cancellationToken), cancellationToken),
            Task.Run(() => StartAsync(second, cancellationToken), cancellationToken));

        await using var db = StoreConnection.CreateContext(_connectionString);
        var seeds = await db.SeedRecords.Select(s => s.Name).ToListAsync(cancellationToken);
        Assert.Contains(DemoRankings.SeedName, seeds);
        Assert.Contains(DemoRankings.ComparableSeedName, seeds);
        // One run per demo year and one comparable run, not two of each.
        var runs = await db.IndexRuns.Where(r => r.IsDemo).Select(r => new { r.Period, r.UnitsOn }).ToListAsync(cancellationToken);
        Assert.NotEmpty(runs);
        Assert.Equal(runs.Count, runs.Distinct().Count());
    }

    private ServiceProvider Instance()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{StoreOptions.Section}:{nameof(StoreOptions.ConnectionString)}"] = _connectionString,
                [$"{StoreOptions.Section}:{nameof(StoreOptions.Demo)}"] = "true",
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddStore(configuration);
        return services.BuildServiceProvider();
    }

    private static Task StartAsync(ServiceProvider instance, CancellationToken cancellationToken) =>
        new StoreStartup(
            instance.GetRequiredService<IServiceScopeFactory>(),
            instance.GetRequiredService<IOptions<StoreOptions>>(),
            TimeProvider.System,
            instance.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()).StartingAsync(cancellationToken);
}
