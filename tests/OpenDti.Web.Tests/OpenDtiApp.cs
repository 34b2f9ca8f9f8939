using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace OpenDti.Web.Tests;

/// <summary>
/// The real application on a fresh, seeded SQLite file of its own, with "today" pinned to
/// <see cref="Today"/> in Vietnam. Used as a class fixture: the app starts once per test class.
/// </summary>
public class OpenDtiApp : WebApplicationFactory<Program>
{
    private readonly TempSqliteFile _store = new("web");

    public OpenDtiApp()
        : this(new DateOnly(2026, 3, 15))
    {
    }

    protected OpenDtiApp(DateOnly today, bool withDemo = false)
    {
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

    /// <summary>The SQLite file this app's store lives in.</summary>
    public string StorePath => _store.Path;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Store:ConnectionString", _store.ConnectionString);
        builder.UseSetting("Store:Demo", WithDemo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}
