using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(OpenDti.Browser.Tests.BrowserApp))]

namespace OpenDti.Browser.Tests;

/// <summary>
/// The real application on Kestrel at a free loopback port, on a fresh seeded SQLite file, and one
/// headless Chromium for the whole test assembly. Each test opens its own browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"opendti-browser-{Guid.NewGuid():N}.db");
    private readonly KestrelApp _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp() => _app = new KestrelApp($"Data Source={_storePath}");

    /// <summary>Where the app listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>artifacts/browser under the repository root: screenshots and traces of every test.</summary>
    public static string ArtifactsDirectory { get; } = FindArtifactsDirectory();

    /// <summary>The app's services, for arranging what a test needs (an account) through the product's own operations.</summary>
    public IServiceProvider Services => _app.Services;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.MissingMessage);

    public async ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First().TrimEnd('/') + "/");
        if (!BaseAddress.IsLoopback)
        {
            throw new InvalidOperationException($"The app must listen on loopback only; it listens on {string.Join(", ", addresses)}.");
        }

        if (!Chromium.IsInstalled)
        {
            // Skipped tests never touch Browser; with CI=true they fail on it with this message.
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
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

    private static string FindArtifactsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OpenDti.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException($"No OpenDti.slnx above {AppContext.BaseDirectory}.");
        return Directory.CreateDirectory(Path.Combine(root, "artifacts", "browser")).FullName;
    }

    private sealed class KestrelApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // UseSetting, not ConfigureAppConfiguration: the store is registered before the latter applies.
            builder.UseEnvironment("Production");
            builder.UseSetting("Store:ConnectionString", connectionString);
            builder.UseSetting("Store:Demo", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
