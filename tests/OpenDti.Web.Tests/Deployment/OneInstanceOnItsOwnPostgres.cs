using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// One OpenDTI process (the Release build) on a <see cref="DedicatedPostgres"/> cluster that tests may stop, start
/// and fill up without touching the shared one. Used as a class fixture.
/// </summary>
public sealed class OneInstanceOnItsOwnPostgres : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _output = [];
    private DedicatedPostgres? _postgres;
    private Process? _app;

    /// <summary>The instance's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public DedicatedPostgres Postgres => _postgres ?? throw new InvalidOperationException("Not started.");

    /// <summary>The app's process: tests check it was never restarted.</summary>
    public Process App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>What the instance has written to its console so far.</summary>
    public string Output => string.Join('\n', _output);

    public async ValueTask InitializeAsync()
    {
        _postgres = await DedicatedPostgres.StartAsync();
        var port = TwoInstancesBehindNginx.FreePort();
        _app = TwoInstancesBehindNginx.StartApp(["serve", "--urls", $"http://127.0.0.1:{port}", "--db", _postgres.Database, "--no-demo"], _output);
        Address = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_app.HasExited, $"the app stopped with {(_app.HasExited ? _app.ExitCode : 0)}: {Output}");
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // Busy migrating and seeding.
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(3), $"the app was not healthy within 3 minutes: {Output}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Runs an OpenDTI command (e.g. <c>users add</c>) on the store; fails on a non-zero exit.</summary>
    public async Task RunAsync(params string[] arguments)
    {
        var output = new ConcurrentQueue<string>();
        using var process = TwoInstancesBehindNginx.StartApp([.. arguments, "--db", Postgres.Database], output);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"OpenDti {string.Join(' ', arguments)} exited with {process.ExitCode}: {string.Join('\n', output)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        _app?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
