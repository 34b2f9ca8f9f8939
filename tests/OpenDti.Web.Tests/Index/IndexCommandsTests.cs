using OpenDti.Cli;

namespace OpenDti.Web.Tests.Index;

/// <summary><c>index compute</c> and <c>index sensitivity</c> on small files written by each test.</summary>
public sealed class IndexCommandsTests : IDisposable
{
    private const string Data = """
        uCode,uName,I1,I2,I3
        01,Thành phố Hà Nội,1,10,5
        31,Thành phố Hải Phòng,2,20,5
        48,Thành phố Đà Nẵng,3,30,10
        79,Thành phố Hồ Chí Minh,4,40,0
        """;

    private const string Meta = """
        iCode,iName,Level,Parent,Weight,Direction,Type
        I1,Một,1,P1,1,1,Indicator
        I2,Hai,1,P1,1,-1,Indicator
        I3,Ba,1,P2,1,1,Indicator
        P1,Trụ cột 1,2,IDX,1,1,Aggregate
        P2,Trụ cột 2,2,IDX,1,1,Aggregate
        IDX,Chỉ số,3,,1,1,Aggregate
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("opendti-index-").FullName;

    [Fact]
    public async Task Compute_WritesStagesAndResults()
    {
        // min-max: IDX = (P1 + P2) / 2 = 50, 50, 75, 25 (see the engine's TestSets.Small)
        var exit = await Run("index", "compute", "--data", Write("data.csv", Data), "--meta", Write("meta.csv", Meta), "--out", Out());

        Assert.Equal(0, exit);
        Assert.Equal(["aggregated.csv", "imputed.csv", "normalised.csv", "results.csv", "treated.csv"], Directory.GetFiles(Out()).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var results = await File.ReadAllLinesAsync(Path.Combine(Out(), "results.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("uCode,IDX,IDX_rank,P2,P2_rank,P1,P1_rank", results[0]);
        var danang = results[3].Split(',');
        Assert.Equal(["48", "1", "1", "1"], [danang[0], danang[2], danang[4], danang[6]]);
        Assert.Equal(50, double.Parse(danang[5], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
    }

    [Fact]
    public async Task NonNumericCell_FailsWithExitCode2_AndWritesNothing()
    {
        var exit = await Run("index", "compute", "--data", Write("data.csv", Data.Replace(",30,", ",3O,", StringComparison.Ordinal)), "--meta", Write("meta.csv", Meta), "--out", Out());

        Assert.Equal(CliOutput.Refused, exit);
        Assert.False(Directory.Exists(Out()));
    }

    [Fact]
    public async Task Sensitivity_WritesRanksAndIndices()
    {
        var exit = await Run("index", "sensitivity", "--data", Write("data.csv", Data), "--meta", Write("meta.csv", Meta), "--runs", "300", "--seed", "7", "--out", Out());

        Assert.Equal(0, exit);
        var ranks = await File.ReadAllLinesAsync(Path.Combine(Out(), "ranks.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("uCode,nominal_rank,median_rank,p05_rank,p95_rank", ranks[0]);
        Assert.Equal(5, ranks.Length);
        Assert.StartsWith("factor,first_order,total_effect", await File.ReadAllTextAsync(Path.Combine(Out(), "sensitivity.csv"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<int> Run(params string[] args) => CommandLine.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    private string Out() => Path.Combine(_dir, "out");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
