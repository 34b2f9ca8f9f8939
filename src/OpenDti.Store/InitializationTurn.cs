using Microsoft.EntityFrameworkCore;

namespace OpenDti.Store;

/// <summary>
/// A PostgreSQL session-level advisory lock held while one instance migrates and seeds the store, so that
/// instances started together take turns. SQLite needs none: it is one file used by one process.
/// </summary>
internal sealed class InitializationTurn : IAsyncDisposable
{
    /// <summary>The advisory lock key: "OpenDTI" in ASCII, read as a number; no other code uses it.</summary>
    private const long Key = 0x4F70656E445449;

    private readonly OpenDtiDbContext? _db;

    private InitializationTurn(OpenDtiDbContext? db) => _db = db;

    public static async Task<InitializationTurn> TakeAsync(OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        if (db is not PostgresOpenDtiDbContext)
        {
            return new InitializationTurn(null);
        }

        // The lock belongs to the session: keep one connection open until it is released.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new InitializationTurn(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        await _db.Database.CloseConnectionAsync();
    }
}
