using Microsoft.Data.Sqlite;

namespace OpenDti.Store.Tests.Infrastructure;

/// <summary>
/// A store of its own for one test: a new SQLite file or a new PostgreSQL database, migrated and seeded
/// the way the app does it at start, and deleted or dropped when the test ends.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(StoreProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the store and runs <see cref="StoreInitializer"/> on it, without demo data.</summary>
    public static async Task<TestStore> CreateAsync(StoreProvider provider, CancellationToken cancellationToken)
    {
        var name = $"opendti_test_{Guid.NewGuid():N}";
        var connectionString = provider switch
        {
            StoreProvider.Sqlite => SqliteConnectionString(name),
            StoreProvider.Postgres => await TestPostgres.CreateDatabaseAsync(name, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No test store for this provider."),
        };

        var store = new TestStore(provider, connectionString);
        try
        {
            await using var db = store.OpenContext();
            await new StoreInitializer(db, TimeProvider.System).InitializeAsync(includeDemo: false, cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new context on this store; the caller disposes it.</summary>
    public OpenDtiDbContext OpenContext() => StoreConnection.CreateContext(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (Provider == StoreProvider.Postgres)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
            return;
        }

        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(file + suffix);
        }
    }

    // Without pooling no connection keeps the file open once the test's contexts are disposed.
    private static string SqliteConnectionString(string name) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetTempPath(), name + ".db"),
            Pooling = false,
        }.ConnectionString;
}
