using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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

        await CreateDatabaseIfMissingAsync(db, cancellationToken);

        // The lock belongs to the session: keep one connection open until it is released.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        return new InitializationTurn(db);
    }

    /// <summary>
    /// The lock needs a session on the database, so the database must exist before the migration could create it (as
    /// EF's own <c>Migrate</c> would). Two instances creating it at once: the one that loses the race finds it made.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment earlier.
        }
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
