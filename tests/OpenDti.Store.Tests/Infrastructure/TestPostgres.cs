using Npgsql;

namespace OpenDti.Store.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests create their databases on, named by <see cref="Variable"/>.
/// Without it a developer's run skips the PostgreSQL variants and says how to run them, but a CI run
/// fails them: a build server that quietly tested only SQLite would pass for the wrong reason.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "OPENDTI_TEST_POSTGRES";

    private const string HowToRun =
        "Run ./test.sh, which starts a throw-away PostgreSQL on loopback and sets " + Variable +
        ", or set " + Variable + " yourself, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".";

    /// <summary>Creates an empty database named <paramref name="name"/> and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ConnectionString;
    }

    /// <summary>The connection string of a database named <paramref name="name"/> on the test server, which is not created here.</summary>
    public static string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ConnectionString;

    /// <summary>Drops the database that <paramref name="connectionString"/> names, closing its pooled connections first.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ServerConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (IsContinuousIntegration())
            {
                throw new InvalidOperationException($"{Variable} is not set and CI=true, so the PostgreSQL tests fail rather than skip. {HowToRun}");
            }

            Assert.Skip($"PostgreSQL tests skipped: {Variable} is not set. {HowToRun}");
        }

        return connectionString;
    }

    private static bool IsContinuousIntegration() =>
        Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");
}
