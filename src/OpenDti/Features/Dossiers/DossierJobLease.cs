using Microsoft.EntityFrameworkCore;
using OpenDti.Store;

namespace OpenDti.Features.Dossiers;

/// <summary>
/// Proof that a running dossier job still has a runner. On PostgreSQL the runner holds a session advisory lock
/// on the job's id on its own connection for as long as the job runs; PostgreSQL drops the lock the moment that
/// connection ends (the process was killed, the machine lost power), so any instance that can take the lock
/// knows the job's runner is gone. SQLite is one file used by one process: whoever asks holds the lease.
/// </summary>
internal static class DossierJobLease
{
    /// <summary>The advisory lock's first key, "DSJB" in ASCII; the two-key form never meets the one-key lock of <c>InitializationTurn</c>.</summary>
    private const int LockClass = 0x44534A42;

    /// <summary>The writing turn's second key; job ids start at 1, so it is nobody's lease.</summary>
    private const int WritingKey = 0;

    /// <summary>Takes the lease of job <paramref name="id"/> on <paramref name="db"/>'s connection, which stays open until the scope ends; false if another session holds it.</summary>
    public static async Task<bool> TryTakeAsync(OpenDtiDbContext db, long id, CancellationToken cancellationToken)
    {
        if (db is not PostgresOpenDtiDbContext)
        {
            return true;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockClass}, {Key(id)}) AS \"Value\"").ToListAsync(cancellationToken);
        return taken.Single();
    }

    /// <summary>Gives the lease of job <paramref name="id"/> back (a broken connection has lost it already).</summary>
    public static async Task ReleaseAsync(OpenDtiDbContext db, long id)
    {
        if (db is not PostgresOpenDtiDbContext)
        {
            return;
        }

        await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({LockClass}, {Key(id)}) AS \"Value\"").ToListAsync(CancellationToken.None);
    }

    /// <summary>
    /// Waits, inside <paramref name="db"/>'s open transaction, until no other ingestion on the store is writing, and
    /// holds the turn until that transaction ends. Ingestions recompute KPI values from all stored states of the
    /// cells they touch: two writing at once on two instances each miss the other's uncommitted states, and one
    /// of them was refused as a conflict. Checking a file still runs side by side; only the writing takes turns.
    /// </summary>
    public static async Task TakeWritingTurnAsync(OpenDtiDbContext db, CancellationToken cancellationToken)
    {
        if (db is not PostgresOpenDtiDbContext)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {WritingKey})", cancellationToken);
    }

    /// <summary>Whether a job running on another instance can be told apart from one whose runner is gone (only on PostgreSQL).</summary>
    public static bool TellsLiveRunners(OpenDtiDbContext db) => db is PostgresOpenDtiDbContext;

    // Job ids stay far below 2^31; should they pass it, two jobs share a key, which only delays a sweep.
    private static int Key(long id) => unchecked((int)id);
}
