using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace OpenDti.Browser.Tests.Features.Profiles;

/// <summary>
/// A second app on loopback with the demo data set and its rankings (the assembly's app starts without
/// them): profiles and comparisons need ranked provinces.
/// </summary>
public sealed class DemoKestrelApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"opendti-browser-demo-{Guid.NewGuid():N}.db");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First().TrimEnd('/') + "/");
        return ValueTask.CompletedTask;
    }

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
