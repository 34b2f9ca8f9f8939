using OpenDti.Web.Tests.Cli;

namespace OpenDti.Web.Tests.Features.Geography;

/// <summary><c>units list</c> against a fresh SQLite file: one line per unit on stdout, the count on stderr.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class UnitsCommandsTests : IDisposable
{
    private readonly TempSqliteFile _store = new("cli-units");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task ProvincesBeforeTheMerger_Prints63Lines()
    {
        var result = await CliResult.RunAsync("units", "list", "--level", "province", "--on", "2024-12-31", "--db", _store.ConnectionString);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Equal(63, result.OutLines.Count);
        Assert.StartsWith("01     province     Thành phố Hà Nội", result.OutLines[0], StringComparison.Ordinal);
        Assert.Contains(result.OutLines, line => line.EndsWith(" Tỉnh Hà Giang", StringComparison.Ordinal));
        Assert.Contains("63", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvincesAfterTheMerger_Prints34Lines()
    {
        var result = await CliResult.RunAsync("units", "list", "--level", "province", "--on", "2025-07-01", "--db", _store.ConnectionString);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(34, result.OutLines.Count);
    }

    [Theory]
    [InlineData("--level", "bad")]
    [InlineData("--on", "31/12/2024")]
    public async Task BadOption_Exits2AndNamesIt(string option, string value)
    {
        var result = await CliResult.RunAsync("units", "list", option, value, "--db", _store.ConnectionString);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(option + ":", result.Error, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }
}
