using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenDti.Web;

/// <summary>Tells the store's own failures (its disk is full, it is away) from everything else, whatever wraps them.</summary>
internal static class StoreFailures
{
    /// <summary>PostgreSQL's disk_full; SQLite's SQLITE_FULL. Both come from the operating system's ENOSPC.</summary>
    public static bool IsStorageFull(Exception exception) =>
        Store(exception) is { SqlState: "53100" } or SqliteException { SqliteErrorCode: 13 };

    /// <summary>The store cannot be reached or is restarting (a broken connection, "the database system is shutting down"…).</summary>
    public static bool IsUnavailable(Exception exception) =>
        Store(exception) is { IsTransient: true } && !IsStorageFull(exception);

    /// <summary>
    /// Drops the idle pooled connections, after one was found broken: a PostgreSQL that restarted has ended
    /// them all, and each would otherwise fail one more request before the pool learnt it.
    /// </summary>
    public static void ForgetPooledConnections() => NpgsqlConnection.ClearAllPools();

    private static DbException? Store(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException store)
            {
                return store;
            }
        }

        return null;
    }
}
