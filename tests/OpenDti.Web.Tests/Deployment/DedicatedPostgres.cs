using System.Diagnostics;
using Npgsql;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// A small PostgreSQL cluster of a test's own, for what the shared one must never suffer: being stopped and
/// started again, a full disk. Started with Debian's binaries (or PG_BIN's) on a free loopback port; as root it
/// runs as the postgres user (initdb refuses root) and can give a table a tiny tmpfs of its own.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly List<string> _mounts = [];

    private DedicatedPostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The test database's connection string.</summary>
    public string Database => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=opendti;Timeout=5";

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<DedicatedPostgres> StartAsync()
    {
        var bin = Binaries() ?? throw new InvalidOperationException("PostgreSQL's initdb was not found: install postgresql or set PG_BIN (./test.sh installs it as root).");
        var directory = Directory.CreateTempSubdirectory("opendti-own-pg-").FullName;
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:", directory);
        }

        var cluster = new DedicatedPostgres(bin, directory, TwoInstancesBehindNginx.FreePort());
        await cluster.AsPostgresAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await File.WriteAllTextAsync(Path.Combine(cluster.Data, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        await cluster.StartServerAsync();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Database=postgres");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE opendti", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    private string Data => Path.Combine(_directory, "data");

    /// <summary>Starts the server (again), waiting until it accepts connections.</summary>
    public Task StartServerAsync() => AsPostgresAsync("pg_ctl", "start", "-w", "-D", Data, "-l", Path.Combine(_directory, "postgres.log"), "-o",
        $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    /// <summary>Stops the server as <c>pg_ctl restart -m fast</c> does: open sessions are ended, open transactions rolled back.</summary>
    public Task StopServerAsync() => AsPostgresAsync("pg_ctl", "stop", "-w", "-m", "fast", "-D", Data);

    /// <summary>
    /// Moves <paramref name="table"/> onto a tmpfs of <paramref name="megabytes"/> MB mounted for it (root only), and
    /// returns the mount's folder, where a test may put a filler file to leave the table little room.
    /// </summary>
    public async Task<string> GiveTinyDiskAsync(string table, int megabytes)
    {
        var mount = Path.Combine(_directory, "tiny-" + table);
        Directory.CreateDirectory(mount);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0777", "tmpfs", mount);
        _mounts.Add(mount);
        var space = Path.Combine(mount, "pg");
        Directory.CreateDirectory(space);
        await RunAsync("chown", "postgres:", space);
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using (var tablespace = new NpgsqlCommand($"CREATE TABLESPACE tiny_{table} LOCATION '{space}'", connection))
        {
            await tablespace.ExecuteNonQueryAsync();
        }

        await using var move = new NpgsqlCommand($"ALTER TABLE {table} SET TABLESPACE tiny_{table}", connection);
        await move.ExecuteNonQueryAsync();
        return mount;
    }

    /// <summary>Whether this machine lets the test mount a tmpfs (root on Linux); otherwise the test cannot make the OS run out of space.</summary>
    public static bool CanMount => IsRoot && OperatingSystem.IsLinux();

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await AsPostgresAsync("pg_ctl", "stop", "-w", "-m", "immediate", "-D", Data);
        }

        foreach (var mount in _mounts)
        {
            await RunAsync("umount", mount);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task AsPostgresAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments]) : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }

    private static string? Binaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var version) ? version : 0)
                .LastOrDefault()
            : null;
    }
}
