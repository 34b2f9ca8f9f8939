using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace OpenDti.Browser.Tests;

/// <summary>
/// A second app on Kestrel at a free loopback port, seeded with the demo data set (so it has rankings),
/// for the test classes that need demo figures (rankings, map, profiles); the shared <see cref="BrowserApp"/>
/// stays without them.
/// </summary>
public sealed class DemoBrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"opendti-browser-demo-{Guid.NewGuid():N}.db");

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.First().TrimEnd('/') + "/");
        return Address.IsLoopback
            ? ValueTask.CompletedTask
            : throw new InvalidOperationException($"The app must listen on loopback only; it listens on {string.Join(", ", addresses)}.");
    }

    /// <summary>The absolute address of <paramref name="path"/> on this app.</summary>
    public string At(string path) => new Uri(Address, path).ToString();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={_storePath}"))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { _storePath, _storePath + "-wal", _storePath + "-shm", _storePath + "-journal" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Store:ConnectionString", $"Data Source={_storePath}");
        builder.UseSetting("Store:Demo", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
