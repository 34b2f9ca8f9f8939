using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Store;
using OpenDti.Web.Tests.Cli;

namespace OpenDti.Web.Tests.Features.Accounts;

/// <summary><c>users add</c> against a fresh SQLite file, as an administrator types it.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class UsersCommandsTests : IDisposable
{
    private const string Password = "Mật-khẩu-đủ-dài-2026";

    private readonly TempSqliteFile _store = new("cli-users");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task AddReviewer_StoresTheAccountWithAHashedPassword()
    {
        var result = await CliResult.RunAsync(
            "users", "add", "--name", "nguyen.van.an", "--password", Password, "--role", "reviewer", "--unit", "01", "--db", _store.ConnectionString);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        await using var db = StoreConnection.CreateContext(_store.ConnectionString);
        var user = await db.Users.Include(u => u.Roles).ThenInclude(r => r.Unit).SingleAsync(TestContext.Current.CancellationToken);
        var role = Assert.Single(user.Roles);
        Assert.Equal("nguyen.van.an", user.UserName);
        Assert.Equal(Role.Reviewer, role.Role);
        Assert.Equal("Thành phố Hà Nội", role.Unit!.Name);
        Assert.Null(role.Unit.ValidTo);
        Assert.NotNull(user.PasswordHash);
        Assert.DoesNotContain(Password, user.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<UserAccount>().VerifyHashedPassword(user, user.PasswordHash, Password));
        Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
    }

    [Fact]
    public async Task UnknownRole_Exits2AndNamesTheRoles()
    {
        var result = await CliResult.RunAsync(
            "users", "add", "--name", "tran.thi.binh", "--password", Password, "--role", "admin", "--unit", "01", "--db", _store.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--role", result.Error, StringComparison.Ordinal);
        Assert.Contains("'admin'", result.Error, StringComparison.Ordinal);
        Assert.Contains("reviewer", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountUsersAsync());
    }

    [Theory]
    [InlineData("99")]
    [InlineData("02")] // Hà Giang: merged into Tuyên Quang on 2025-07-01, no longer in force
    public async Task UnitNotInForce_Exits2AndNamesTheUnit(string unit)
    {
        var result = await CliResult.RunAsync(
            "users", "add", "--name", "le.van.cuong", "--password", Password, "--role", "reviewer", "--unit", unit, "--db", _store.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--unit", result.Error, StringComparison.Ordinal);
        Assert.Contains($"'{unit}'", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountUsersAsync());
    }

    [Fact]
    public async Task SameNameTwice_Exits2TheSecondTime()
    {
        string[] args = ["users", "add", "--name", "pham.thi.dung", "--password", Password, "--role", "viewer", "--unit", "25", "--db", _store.ConnectionString];
        var first = await CliResult.RunAsync(args);

        var second = await CliResult.RunAsync(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("pham.thi.dung", second.Error, StringComparison.Ordinal);
        Assert.Equal(1, await CountUsersAsync());
    }

    [Fact]
    public async Task Grant_AddsASecondRoleOnAnotherUnit()
    {
        await CliResult.RunAsync("users", "add", "--name", "vo.thi.em", "--password", Password, "--role", "data-entry", "--unit", "25", "--db", _store.ConnectionString);

        var result = await CliResult.RunAsync("users", "grant", "--name", "vo.thi.em", "--role", "viewer", "--unit", "01", "--db", _store.ConnectionString);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        await using var db = StoreConnection.CreateContext(_store.ConnectionString);
        var roles = await db.RoleAssignments.Include(r => r.Unit).OrderBy(r => r.Role).Select(r => r.Role + "@" + r.Unit!.Code).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["data-entry@25", "viewer@01"], roles);
    }

    [Fact]
    public async Task WeakPassword_Exits2AndSaysWhy()
    {
        var result = await CliResult.RunAsync(
            "users", "add", "--name", "do.van.giang", "--password", "do.van.giang-1", "--role", "viewer", "--unit", "25", "--db", _store.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tên đăng nhập", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountUsersAsync());
    }

    private async Task<int> CountUsersAsync()
    {
        await using var db = StoreConnection.CreateContext(_store.ConnectionString);
        return await db.Users.CountAsync(TestContext.Current.CancellationToken);
    }
}
