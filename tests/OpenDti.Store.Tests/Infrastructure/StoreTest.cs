namespace OpenDti.Store.Tests.Infrastructure;

/// <summary>
/// The base of every store test class. Write the tests once in an abstract class deriving from this one,
/// then add one nested subclass per provider, so each test runs on SQLite and on PostgreSQL:
/// <code>
/// public abstract class FooTests(StoreProvider provider) : StoreTest(provider)
/// {
///     [Fact] public async Task Scenario_Outcome() { ... Db ... }
///
///     public sealed class OnSqlite() : FooTests(StoreProvider.Sqlite);
///
///     public sealed class OnPostgres() : FooTests(StoreProvider.Postgres);
/// }
/// </code>
/// xUnit makes a new instance per test, so every test gets a fresh, migrated and seeded store.
/// </summary>
public abstract class StoreTest(StoreProvider provider) : IAsyncLifetime
{
    private TestStore? _store;
    private OpenDtiDbContext? _db;

    /// <summary>This test's store: migrated and seeded with the national geography.</summary>
    protected TestStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>A context on <see cref="Store"/> for the test's arrange and act; read back through <see cref="TestStore.OpenContext"/>.</summary>
    protected OpenDtiDbContext Db => _db ??= Store.OpenContext();

    protected static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TestStore.CreateAsync(provider, CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
