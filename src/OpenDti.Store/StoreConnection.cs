using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OpenDti.Store;

/// <summary>
/// The one place that decides which store a connection string selects and how a context is made for
/// it: a string with <c>Host=</c> is PostgreSQL; anything else is an SQLite file.
/// </summary>
public static class StoreConnection
{
    /// <summary>The SQLite file used when no connection string is configured, relative to the working directory.</summary>
    public const string DefaultSqlite = "Data Source=data/opendti.db";

    /// <summary>The provider a connection string selects.</summary>
    public static StoreProvider ProviderOf(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? StoreProvider.Postgres
            : StoreProvider.Sqlite;
    }

    /// <summary>A context on the store named by <paramref name="connectionString"/>, for the CLI and tests.</summary>
    public static OpenDtiDbContext CreateContext(string connectionString) =>
        ProviderOf(connectionString) switch
        {
            StoreProvider.Postgres => new PostgresOpenDtiDbContext(
                Configure(new DbContextOptionsBuilder<PostgresOpenDtiDbContext>(), connectionString).Options),
            _ => new SqliteOpenDtiDbContext(
                Configure(new DbContextOptionsBuilder<SqliteOpenDtiDbContext>(), connectionString).Options),
        };

    /// <summary>Configures <paramref name="builder"/> for the provider of <paramref name="connectionString"/>.</summary>
    public static TBuilder Configure<TBuilder>(TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (ProviderOf(connectionString) == StoreProvider.Postgres)
        {
            builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));
        }
        else
        {
            EnsureSqliteDirectory(connectionString);
            builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"));
        }

        return builder;
    }

    /// <summary>A description of the store for logs and the health page, without the password.</summary>
    public static string Describe(string connectionString)
    {
        if (ProviderOf(connectionString) == StoreProvider.Postgres)
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
        }

        return $"SQLite {new SqliteConnectionStringBuilder(connectionString).DataSource}";
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
