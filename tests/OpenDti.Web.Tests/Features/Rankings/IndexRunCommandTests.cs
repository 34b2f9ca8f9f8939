using Microsoft.EntityFrameworkCore;
using OpenDti.Store;
using OpenDti.Web.Tests.Cli;

namespace OpenDti.Web.Tests.Features.Rankings;

/// <summary><c>index run</c> on a store: a ranking stored with every value it read.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class IndexRunCommandTests : IDisposable
{
    private readonly TempSqliteFile _store = new("cli-index-run");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Run_StoresScoresForEveryProvinceAndTheValuesItRead()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var db = StoreConnection.CreateContext(_store.ConnectionString))
        {
            await new StoreInitializer(db, TimeProvider.System).InitializeAsync(includeDemo: true, cancellationToken);
        }

        var result = await CliResult.RunAsync("index", "run", "--framework", "DTI_PROVINCE", "--period", "2023", "--runs", "200", "--seed", "7", "--db", _store.ConnectionString);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains("63", result.Out, StringComparison.Ordinal);
        await using var after = StoreConnection.CreateContext(_store.ConnectionString);
        var run = await after.IndexRuns.SingleAsync(cancellationToken);
        Assert.True(run.IsDemo);
        Assert.Equal(200, run.UncertaintyRuns);
        Assert.Equal(63 * (1 + 4 + 8), await after.IndexRunScores.CountAsync(s => s.IndexRunId == run.Id, cancellationToken));

        // 63 provinces × 8 main-index scores, each traced to the stored value with the same number.
        var inputs = await after.IndexRunInputs
            .Where(i => i.IndexRunId == run.Id)
            .Join(after.DataValues, i => i.DataValueId, v => v.Id, (i, v) => new { Read = i.Value, Stored = v.Value })
            .ToListAsync(cancellationToken);
        Assert.Equal(63 * 8, inputs.Count);
        Assert.All(inputs, i => Assert.Equal(i.Stored, i.Read));
    }

    [Theory]
    [InlineData("--period", "20x4", "--period:")]
    [InlineData("--framework", "NOPE", "NOPE")]
    public async Task BadInput_Exits2AndSaysWhy(string option, string value, string expected)
    {
        string[] args = option == "--period"
            ? ["index", "run", "--framework", "DTI_PROVINCE", "--period", value, "--db", _store.ConnectionString]
            : ["index", "run", "--framework", value, "--period", "2024", "--db", _store.ConnectionString];

        var result = await CliResult.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
