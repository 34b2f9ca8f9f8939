using System.CommandLine;
using OpenDti.Cli;
using OpenDti.Domain.Accounts;

namespace OpenDti.Features.Accounts;

/// <summary>
/// <c>users add --name N --password P --role ROLE --unit CODE [--db …]</c> and
/// <c>users grant --name N --role ROLE --unit CODE [--db …]</c>.
/// </summary>
internal static class UsersCommands
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Tên đăng nhập / user name", Required = true };
        var password = new Option<string>("--password") { Description = "Mật khẩu / password", Required = true };
        var role = new Option<string>("--role") { Description = $"Vai trò / role: {string.Join(", ", Role.All)}", Required = true };
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị, vai trò áp dụng cho đơn vị và cấp dưới / unit code (role applies to its subtree)", Required = true };
        var db = StoreOption.Create();
        var add = new Command("add", "Thêm tài khoản / add a user") { name, password, role, unit, db };
        add.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await OpenAsync(parse.GetValue(db), cancellationToken);
            var problems = await services.GetRequiredService<UserAccounts>().AddAsync(
                parse.GetRequiredValue(name), parse.GetRequiredValue(password), parse.GetRequiredValue(role), parse.GetRequiredValue(unit), cancellationToken);
            if (problems.Count > 0)
            {
                return CliOutput.Fail(string.Join(Environment.NewLine, problems));
            }

            Console.Out.WriteLine($"Đã thêm tài khoản / user added: {parse.GetRequiredValue(name)} ({parse.GetRequiredValue(role)} @ {parse.GetRequiredValue(unit)})");
            return 0;
        });

        var grant = new Command("grant", "Thêm vai trò cho tài khoản / grant a role") { name, role, unit, db };
        grant.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await OpenAsync(parse.GetValue(db), cancellationToken);
            var problems = await services.GetRequiredService<UserAccounts>().GrantAsync(
                parse.GetRequiredValue(name), parse.GetRequiredValue(role), parse.GetRequiredValue(unit), cancellationToken);
            if (problems.Count > 0)
            {
                return CliOutput.Fail(string.Join(Environment.NewLine, problems));
            }

            Console.Out.WriteLine($"Đã cấp vai trò / role granted: {parse.GetRequiredValue(name)} ({parse.GetRequiredValue(role)} @ {parse.GetRequiredValue(unit)})");
            return 0;
        });
        return new Command("users", "Tài khoản / user accounts") { add, grant };
    }

    /// <summary>The Identity services over the store the flag names, as the web application has them.</summary>
    private static async Task<ServiceProvider> OpenAsync(string? flag, CancellationToken cancellationToken)
    {
        var context = await StoreOption.OpenAsync(flag, cancellationToken);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(context)
            .AddScoped<UserAccounts>();
        services.AddOpenDtiIdentity();
        return services.BuildServiceProvider();
    }
}
