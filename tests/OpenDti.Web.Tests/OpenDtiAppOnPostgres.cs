using OpenDti.Store;

namespace OpenDti.Web.Tests;

/// <summary>The application on a fresh database of the test PostgreSQL server (see TestPostgres), without demo data.</summary>
public sealed class OpenDtiAppOnPostgres : OpenDtiApp
{
    public OpenDtiAppOnPostgres()
        : base(new DateOnly(2026, 3, 15), provider: StoreProvider.Postgres)
    {
    }
}
