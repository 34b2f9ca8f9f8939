using Microsoft.EntityFrameworkCore;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Store.Tests;

public abstract class OpenDtiDbContextTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public void Migrations_LeaveNoPendingModelChanges()
    {
        var pending = Db.Database.HasPendingModelChanges();

        Assert.False(pending, $"The model differs from the {Store.Provider} migrations: add a migration for both providers (see src/OpenDti.Store/DesignTimeFactories.cs).");
    }

    public sealed class OnSqlite() : OpenDtiDbContextTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : OpenDtiDbContextTests(StoreProvider.Postgres);
}
