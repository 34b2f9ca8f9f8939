using System.CommandLine;
using System.Globalization;
using System.Text;
using OpenDti.Cli;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Store;
using OpenDti.Web;

namespace OpenDti.Features.LoadTest;

/// <summary>
/// <c>loadtest prepare --keys FILE [--communes 3321] [--measures 50] [--period YEAR] [--db …]</c>: readies a
/// throw-away store for bench/load/run.sh and writes each load-test commune's API key to FILE
/// (<c>unit,key</c>, readable by its owner only).
/// </summary>
internal static class LoadTestCommands
{
    public static Command Create()
    {
        var keys = new Option<FileInfo>("--keys") { Description = "Tệp CSV ghi khoá API của từng xã / CSV file for each commune's API key", Required = true };
        var communes = new Option<int>("--communes") { Description = "Số xã thử tải / load-test communes", DefaultValueFactory = _ => 3_321 };
        var measures = new Option<int>("--measures") { Description = "Số chỉ tiêu mỗi xã nhập / measures each commune enters", DefaultValueFactory = _ => 50 };
        var period = new Option<string?>("--period") { Description = "Năm nhập liệu, mặc định năm nay / the year entered, this year by default" };
        var db = StoreOption.Create();
        var prepare = new Command("prepare", "Chuẩn bị kho dùng một lần cho thử tải: xã, bộ số liệu, khoá API / ready a throw-away store for the load test: communes, data set, API keys")
        {
            keys, communes, measures, period, db,
        };
        prepare.SetAction(async (parse, cancellationToken) =>
        {
            var time = TimeProvider.System;
            var year = parse.GetValue(period) ?? time.Today().Year.ToString(CultureInfo.InvariantCulture);
            if (!Period.TryParse(year, out var parsed))
            {
                return CliOutput.Fail($"--period: cần một năm như 2026 / expected a year such as 2026; nhận được / found '{year}'.");
            }

            var connection = StoreOption.Resolve(parse.GetValue(db));
            await (await StoreOption.OpenAsync(connection, cancellationToken)).DisposeAsync();
            await using var services = Services(connection, time);
            await using var scope = services.CreateAsyncScope();
            var setup = ActivatorUtilities.CreateInstance<LoadTestSetup>(scope.ServiceProvider);
            var (refusal, issued) = await setup.PrepareAsync(parse.GetValue(communes), parse.GetValue(measures), parsed, cancellationToken);
            if (refusal is not null)
            {
                return CliOutput.Fail(refusal);
            }

            var file = parse.GetRequiredValue(keys);
            await WriteKeysAsync(file, issued, cancellationToken);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Đã chuẩn bị / prepared {issued.Count} xã thử tải / load-test communes, {LoadTestSetup.DataSetCode} ({parse.GetValue(measures)} measures, {parsed}); keys in {file.Name}"));
            return 0;
        });
        return new Command("loadtest", "Thử tải trên kho dùng một lần / load tests on a throw-away store") { prepare };
    }

    /// <summary>The operations the setup uses, each scope with its own context on the store, as in the web application.</summary>
    private static ServiceProvider Services(string connection, TimeProvider time)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(time)
            .AddScoped(_ => StoreConnection.CreateContext(connection))
            .AddScoped<UnitHierarchy>()
            .AddScoped<AccountHistory>()
            .AddScoped<UserAccounts>()
            .AddScoped<UserAdministration>()
            .AddScoped<ApiKeyIssuer>();
        services.AddOpenDtiIdentity();
        return services.BuildServiceProvider();
    }

    /// <remarks>Written under a temporary name, readable by its owner only, then renamed: the keys are credentials.</remarks>
    private static async Task WriteKeysAsync(FileInfo file, IReadOnlyList<(string Unit, string Key)> keys, CancellationToken cancellationToken)
    {
        var temporary = file.FullName + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            await writer.WriteAsync("unit,key\n");
            foreach (var (unit, key) in keys)
            {
                await writer.WriteAsync($"{unit},{key}\n".AsMemory(), cancellationToken);
            }
        }

        File.Move(temporary, file.FullName, overwrite: true);
    }
}
