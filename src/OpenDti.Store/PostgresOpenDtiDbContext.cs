using Microsoft.EntityFrameworkCore;

namespace OpenDti.Store;

/// <summary>The store on PostgreSQL, the server store.</summary>
public sealed class PostgresOpenDtiDbContext(DbContextOptions<PostgresOpenDtiDbContext> options) : OpenDtiDbContext(options);
