using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenDti.Store;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Web.Tests;

/// <summary>
/// The real application on a fresh, seeded store of its own — an SQLite file, or with
/// <see cref="StoreProvider.Postgres"/> a new database on the test PostgreSQL server — with "today" pinned
/// to <see cref="Today"/> in Vietnam. Used as a class fixture: the app starts once per test class.
/// </summary>
public class OpenDtiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempSqliteFile _store = new("web");
    private readonly StoreProvider _provider;
    private string? _postgres;

    public OpenDtiApp()
        : this(new DateOnly(2026, 3, 15))
    {
    }

    protected OpenDtiApp(DateOnly today, bool withDemo = false, StoreProvider provider = StoreProvider.Sqlite)
    {
        _provider = provider;
        Today = today;
        WithDemo = withDemo;

        // 10:00 in Hà Nội (UTC+7) on the pinned day.
        Time = new FakeTimeProvider(new DateTimeOffset(today, new TimeOnly(3, 0), TimeSpan.Zero));
    }

    /// <summary>True when the store is seeded with the demo data set.</summary>
    public bool WithDemo { get; }

    /// <summary>The date the app takes as today.</summary>
    public DateOnly Today { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The SQLite file this app's store lives in (unused on PostgreSQL).</summary>
    public string StorePath => _store.Path;

    /// <summary>The connection string of this app's store.</summary>
    public string ConnectionString => _postgres ?? _store.ConnectionString;

    /// <summary>The store's engine.</summary>
    public StoreProvider Provider => _provider;

    public async ValueTask InitializeAsync()
    {
        if (_provider == StoreProvider.Postgres)
        {
            _postgres = await TestPostgres.CreateDatabaseAsync($"opendti_web_{Guid.NewGuid():N}", TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// A context on this app's store, for arranging and checking what the app cannot show. The app is started
    /// first (it migrates and seeds the store as it starts), so that arranging before the first request finds the tables.
    /// </summary>
    public OpenDtiDbContext OpenContext()
    {
        _ = Services;
        return StoreConnection.CreateContext(ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _store.Dispose();
        if (_postgres is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgres);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Store:ConnectionString", ConnectionString);
        builder.UseSetting("Store:Demo", WithDemo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}
