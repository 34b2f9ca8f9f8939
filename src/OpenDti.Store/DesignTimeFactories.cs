using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenDti.Store;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpenDtiDbContext>
{
    public SqliteOpenDtiDbContext CreateDbContext(string[] args) =>
        new(StoreConnection.Configure(new DbContextOptionsBuilder<SqliteOpenDtiDbContext>(), "Data Source=:memory:").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOpenDtiDbContext>
{
    public PostgresOpenDtiDbContext CreateDbContext(string[] args) =>
        new(StoreConnection.Configure(new DbContextOptionsBuilder<PostgresOpenDtiDbContext>(), "Host=localhost;Database=design_time").Options);
}
