using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace OpenDti.Browser.Tests.Features.Maps;

/// <summary>
/// A second app on Kestrel, seeded with the demo data and its rankings as at a first start: the map
/// needs scores, which the assembly's app (started without demo data) does not have.
/// </summary>
public sealed class DemoRankingsApp : IAsyncLifetime
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"opendti-browser-demo-{Guid.NewGuid():N}.db");
    private readonly KestrelApp _app;

    public DemoRankingsApp() => _app = new KestrelApp($"Data Source={_storePath}");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First().TrimEnd('/') + "/");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={_storePath}"))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { _storePath, _storePath + "-wal", _storePath + "-shm", _storePath + "-journal" })
        {
            File.Delete(file);
        }
    }

    /// <summary>The absolute address of <paramref name="path"/> on this app.</summary>
    public string At(string path) => new Uri(BaseAddress, path).ToString();

    private sealed class KestrelApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Store:ConnectionString", connectionString);
            builder.UseSetting("Store:Demo", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
