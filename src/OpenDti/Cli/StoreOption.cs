using System.CommandLine;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Cli;

/// <summary>The <c>--db</c> option every verb that touches the store takes, and how its value is resolved.</summary>
internal static class StoreOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = "Chuỗi kết nối kho dữ liệu (mặc định: tệp SQLite trong ./data; \"Host=…;Database=…\" chọn PostgreSQL) / store connection string",
    };

    /// <summary>Opens the store the flag names, migrated and with the national seed applied (never the demo data).</summary>
    public static async Task<OpenDtiDbContext> OpenAsync(string? flag, CancellationToken cancellationToken)
    {
        var context = StoreConnection.CreateContext(Resolve(flag));
        await new StoreInitializer(context, TimeProvider.System).InitializeAsync(includeDemo: false, cancellationToken);
        return context;
    }

    /// <summary>The flag if given, else configuration (appsettings.json, environment Store__ConnectionString), else the default SQLite file.</summary>
    public static string Resolve(string? flag)
    {
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return flag;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var configured = configuration[$"{StoreOptions.Section}:{nameof(StoreOptions.ConnectionString)}"];
        return string.IsNullOrWhiteSpace(configured) ? StoreConnection.DefaultSqlite : configured;
    }
}
