using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Geography;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Store.Tests;

/// <summary>
/// A PostgreSQL connection string naming a database that does not exist yet: the first start creates it, migrates
/// and seeds it — also when two starts race to create it. (The start-up lock needs a session on the database, so it
/// once failed with "database … does not exist" where EF's migration would have created it.)
/// </summary>
public sealed class MissingDatabaseTests : IAsyncLifetime
{
    private readonly string _connectionString = TestPostgres.ConnectionStringFor($"opendti_missing_{Guid.NewGuid():N}");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task TwoStartsOnADatabaseThatDoesNotExist_CreateItOnce_AndSeedIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        async Task StartAsync()
        {
            await using var db = StoreConnection.CreateContext(_connectionString);
            await new StoreInitializer(db, TimeProvider.System).InitializeAsync(includeDemo: false, cancellationToken);
        }

        await Task.WhenAll(Task.Run(StartAsync, cancellationToken), Task.Run(StartAsync, cancellationToken));

        await using var check = StoreConnection.CreateContext(_connectionString);
        Assert.Equal(34, await check.Units.CountAsync(u => u.Level == UnitLevel.Province && u.ValidTo == null, cancellationToken));
    }
}
