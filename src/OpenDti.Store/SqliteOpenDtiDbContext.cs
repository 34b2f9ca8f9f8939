using Microsoft.EntityFrameworkCore;

namespace OpenDti.Store;

/// <summary>The store on SQLite, the embedded default.</summary>
public sealed class SqliteOpenDtiDbContext(DbContextOptions<SqliteOpenDtiDbContext> options) : OpenDtiDbContext(options);
