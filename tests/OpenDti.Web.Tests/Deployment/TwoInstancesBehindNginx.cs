using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpenDti.Store.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// The production shape on loopback: two OpenDTI processes (the Release build, started together on one fresh
/// PostgreSQL database) behind Debian's nginx, which sends requests to them in turn and names the instance
/// that answered in an <c>X-Upstream</c> header. Used as a class fixture.
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    private const string NginxPath = "/usr/sbin/nginx";

    private readonly List<Process> _processes = [];
    private readonly List<Process> _instances = [];
    private readonly List<ConcurrentQueue<string>> _output = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("opendti-nginx-").FullName;
    private string? _database;

    /// <summary>nginx's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The instances' addresses as nginx names them ("127.0.0.1:PORT").</summary>
    public IReadOnlyList<string> Instances { get; private set; } = [];

    /// <summary>The store's connection string.</summary>
    public string Database => _database ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(NginxPath))
        {
            var message = $"{NginxPath} is missing: ./test.sh installs it as root (apt-get install nginx-light), or install it yourself.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message + " CI=true, so this fails rather than skips.");
            }

            Assert.Skip(message);
        }

        _database = await TestPostgres.CreateDatabaseAsync($"opendti_two_{Guid.NewGuid():N}", TestContext.Current.CancellationToken);
        var ports = new[] { FreePort(), FreePort() };
        Instances = [.. ports.Select(p => $"127.0.0.1:{p}")];

        // Both at once, on an empty database: they must take turns migrating and seeding.
        foreach (var port in ports)
        {
            _output.Add([]);
            _instances.Add(StartApp(["serve", "--urls", $"http://127.0.0.1:{port}", "--db", _database, "--no-demo"], _output[^1]));
            _processes.Add(_instances[^1]);
        }

        foreach (var port in ports)
        {
            await WaitHealthyAsync(new Uri($"http://127.0.0.1:{port}/health"));
        }

        var nginxPort = FreePort();
        var configuration = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(configuration, NginxConfiguration(nginxPort), TestContext.Current.CancellationToken);

        // Workers may run as nobody; they only need to reach their temporary folders. (nginx is Linux-only here.)
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_111_111);
        }
        _processes.Add(Start(NginxPath, "-p", _directory, "-c", configuration, "-e", Path.Combine(_directory, "error.log")));
        Address = new Uri($"http://127.0.0.1:{nginxPort}/");
        await WaitHealthyAsync(new Uri(Address, "/health"));
    }

    /// <summary>Instance <paramref name="index"/>'s own address, bypassing nginx.</summary>
    public Uri InstanceAddress(int index) => new($"http://{Instances[index]}/");

    /// <summary>Kills instance <paramref name="index"/> as a power cut would (SIGKILL: no shutdown, no cleanup).</summary>
    public async Task KillAsync(int index)
    {
        var process = _instances[index];
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Starts instance <paramref name="index"/> again (after <see cref="KillAsync"/>) on its address, and waits until it is healthy.</summary>
    public async Task RestartAsync(int index)
    {
        Assert.True(_instances[index].HasExited, "restart only a stopped instance");
        _instances[index] = StartApp(["serve", "--urls", $"http://{Instances[index]}", "--db", Database, "--no-demo"], _output[index]);
        _processes.Add(_instances[index]);
        await WaitHealthyAsync(new Uri(InstanceAddress(index), "/health"));
    }

    /// <summary>What instance <paramref name="index"/> has written to its console so far (warnings, and the dossier worker's information).</summary>
    public IReadOnlyList<string> Output(int index) => [.. _output[index]];

    /// <summary>
    /// Waits (up to 15 s) until instance <paramref name="index"/> has written a line containing <paramref name="text"/>:
    /// an instance logs after its store write commits, and its console reaches us through a pipe, so a line can
    /// trail what the store already shows.
    /// </summary>
    public async Task<bool> WaitForOutputAsync(int index, string text)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(100))
        {
            if (_output[index].Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }

    /// <summary>Runs an OpenDTI command (e.g. <c>users add</c>) on the shared store and returns its output; fails on a non-zero exit.</summary>
    public async Task<string> RunAsync(params string[] arguments)
    {
        using var process = StartApp([.. arguments, "--db", Database]);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"OpenDti {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors}{output}");
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        if (_database is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private string NginxConfiguration(int port) => $$"""
        daemon off;
        worker_processes 1;
        pid {{_directory}}/nginx.pid;
        error_log {{_directory}}/error.log warn;
        events { worker_connections 256; }
        http {
            access_log off;
            client_body_temp_path {{_directory}}/body;
            proxy_temp_path {{_directory}}/proxy;
            fastcgi_temp_path {{_directory}}/fastcgi;
            uwsgi_temp_path {{_directory}}/uwsgi;
            scgi_temp_path {{_directory}}/scgi;
            upstream opendti {
                server {{Instances[0]}};
                server {{Instances[1]}};
            }
            server {
                listen 127.0.0.1:{{port}};
                client_max_body_size 60m;
                location / {
                    proxy_pass http://opendti;
                    proxy_set_header Host $host:$server_port;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    add_header X-Upstream $upstream_addr always;
                }
            }
        }
        """;

    private static Process StartApp(params string[] arguments) => StartApp(arguments, null);

    /// <summary>Starts the Release build with <paramref name="arguments"/>; with <paramref name="output"/>, its console lines are collected there as they come.</summary>
    internal static Process StartApp(string[] arguments, ConcurrentQueue<string>? output, IReadOnlyDictionary<string, string>? environment = null)
    {
        var app = Path.Combine(RepositoryRoot(), "src", "OpenDti", "bin", "Release", "net10.0", "OpenDti.dll");
        Assert.True(File.Exists(app), $"{app} is missing: build the app in Release first (./test.sh does).");
        var process = Start("dotnet", [app, .. arguments], output, environment);
        return process;
    }

    private static Process Start(string file, params string[] arguments) => Start(file, arguments, null, null);

    private static Process Start(string file, string[] arguments, ConcurrentQueue<string>? output, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Which instance claimed a dossier job, and which found one abandoned: the fault tests read these lines.
        start.Environment["Logging__LogLevel__OpenDti.Features.Dossiers.DossierIngestWorker"] = "Information";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        if (output is not null)
        {
            process.OutputDataReceived += (_, line) => Collect(output, line.Data);
            process.ErrorDataReceived += (_, line) => Collect(output, line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    private static void Collect(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private async Task WaitHealthyAsync(Uri health)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            var exited = _processes.FirstOrDefault(p => p.HasExited && p.ExitCode != 137 && p.ExitCode != -1);
            if (exited is not null)
            {
                var index = _instances.IndexOf(exited);
                var errors = index >= 0 ? string.Join('\n', _output[index]) : await exited.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                var output = index >= 0 ? string.Empty : await exited.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                throw new InvalidOperationException($"{exited.StartInfo.FileName} {string.Join(' ', exited.StartInfo.ArgumentList)} stopped with {exited.ExitCode}: {errors}{output}");
            }

            try
            {
                using var response = await client.GetAsync(health, TestContext.Current.CancellationToken);
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
                // Busy starting.
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"{health} did not answer 200 within 3 minutes.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OpenDti.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No OpenDti.slnx above {AppContext.BaseDirectory}.");
    }
}
