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
        var user = await db.Users.SingleAsync(TestContext.Current.CancellationToken);
        var unit = await db.Units.SingleAsync(u => u.Id == user.UnitId, TestContext.Current.CancellationToken);
        Assert.Equal("nguyen.van.an", user.UserName);
        Assert.Equal(Role.Reviewer, user.Role);
        Assert.Equal("Thành phố Hà Nội", unit.Name);
        Assert.Null(unit.ValidTo);
        Assert.DoesNotContain(Password, user.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<UserAccount>().VerifyHashedPassword(user, user.PasswordHash, Password));
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

    private async Task<int> CountUsersAsync()
    {
        await using var db = StoreConnection.CreateContext(_store.ConnectionString);
        return await db.Users.CountAsync(TestContext.Current.CancellationToken);
    }
}
