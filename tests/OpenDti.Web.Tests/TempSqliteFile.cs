using Microsoft.Data.Sqlite;

namespace OpenDti.Web.Tests;

/// <summary>A fresh SQLite file under the temp directory, deleted (with its journal files) on dispose.</summary>
internal sealed class TempSqliteFile : IDisposable
{
    public TempSqliteFile(string purpose) =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"opendti-{purpose}-{Guid.NewGuid():N}.db");

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        // Pooled connections keep the file open; close them before the file goes.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
