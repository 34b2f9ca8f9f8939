using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Features.Accounts;
using OpenDti.Store;

namespace OpenDti.Browser.Tests.Features.DataEntry;

/// <summary>
/// The app on loopback with "today" pinned to 2026-03-15, 10:00 in Hà Nội (so 2025 is open for entry and
/// late), one commune of Tỉnh Phú Thọ, two data-entry accounts on it and a reviewer of the province.
/// </summary>
public sealed class EntryBrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Mật-khẩu-thử-nghiệm-2026";
    public const string Commune = "T26001";
    public const string CommuneName = "Xã Hòa Bình";
    public const string User = "canbo.hoabinh";
    public const string Colleague = "dongnghiep.hoabinh";
    public const string Reviewer = "kiemduyet.phutho";

    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"opendti-browser-entry-{Guid.NewGuid():N}.db");

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 15, 3, 0, 0, TimeSpan.Zero));

    public string At(string path) => new Uri(Address, path).ToString();

    public async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.First().TrimEnd('/') + "/");
        if (!Address.IsLoopback)
        {
            throw new InvalidOperationException($"The app must listen on loopback only; it listens on {string.Join(", ", addresses)}.");
        }

        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenDtiDbContext>();
        var province = db.Units.Single(u => u.Code == new UnitCode("25") && u.ValidTo == null);
        db.Units.Add(new ReportingUnit { Code = new UnitCode(Commune), Name = CommuneName, Level = UnitLevel.Commune, ParentId = province.Id, ValidFrom = new DateOnly(2025, 7, 1) });
        await db.SaveChangesAsync();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        foreach (var name in new[] { User, Colleague })
        {
            var problems = await accounts.AddAsync(name, Password, Role.DataEntry, Commune, CancellationToken.None);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
            }
        }

        var reviewerProblems = await accounts.AddAsync(Reviewer, Password, Role.Reviewer, "25", CancellationToken.None);
        if (reviewerProblems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, reviewerProblems));
        }
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
        builder.UseSetting("Store:Demo", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}
