namespace OpenDti.Store;

/// <summary>The database engines OpenDTI runs on.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file: the default, for one machine.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server: for several web instances and large data.</summary>
    Postgres = 1,
}
