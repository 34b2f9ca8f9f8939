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

    /// <summary>P1 = 50, 16.7, 66.7, 66.7 and P2 = I3 = 100, 50, 0, 80 disagree, so the weights move ranks.</summary>
    private const string Crossing = """
        uCode,uName,I1,I2,I3
        01,Thành phố Hà Nội,1,10,10
        31,Thành phố Hải Phòng,2,40,5
        48,Thành phố Đà Nẵng,3,20,0
        79,Thành phố Hồ Chí Minh,4,30,8
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
        Assert.Equal(["aggregated.csv", "audit.csv", "imputed.csv", "normalised.csv", "results.csv", "treated.csv", "treatment.csv"], Directory.GetFiles(Out()).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var results = await File.ReadAllLinesAsync(Path.Combine(Out(), "results.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("uCode,IDX,IDX_rank,P2,P2_rank,P1,P1_rank", results[0]);
        var danang = results[3].Split(',');
        Assert.Equal(["48", "1", "1", "1"], [danang[0], danang[2], danang[4], danang[6]]);
        Assert.Equal(50, double.Parse(danang[5], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
    }

    [Fact]
    public async Task Compute_WritesTheAudit()
    {
        // P2 has the one child I3, so P2 = I3 (50, 50, 100, 0) and IDX = (50 + P2) / 2 = 25 + P2 / 2: every correlation
        // of I3 is 1; Cronbach's alpha needs two children, so it is empty for P2
        var exit = await Run("index", "compute", "--data", Write("data.csv", Data), "--meta", Write("meta.csv", Meta), "--out", Out());

        Assert.Equal(0, exit);
        var audit = await File.ReadAllLinesAsync(Path.Combine(Out(), "audit.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("aggregate,child,pearson_with_parent,spearman_with_parent,pearson_with_index,spearman_with_index,cronbach_alpha", audit[0]);
        Assert.Equal(["P1,I1", "P1,I2", "P2,I3", "IDX,P1", "IDX,P2"], audit[1..].Select(l => string.Join(',', l.Split(',')[..2])));
        var i3 = audit.Single(l => l.StartsWith("P2,I3,", StringComparison.Ordinal)).Split(',');
        Assert.All(i3[2..6], r => Assert.Equal(1, Parse(r), 1e-12));
        Assert.Equal("", i3[6]);
    }

    [Fact]
    public async Task Compute_WritesWhatTreatmentDid()
    {
        // I1 = 1 … 18, 500, 1000 (G1 = 3.44, G2 = 11.97): round 1 sets 1000 to 500, round 2 both 500s to 18 → 2 points;
        // I2 misses one value of 20 → availability 0.95
        var units = Enumerable.Range(1, 20).Select(i => $"{i:D2},Xã số {i}").ToArray();
        var rows = units.Select((u, i) => $"{u},{(i < 18 ? i + 1 : i == 18 ? 500 : 1000)},{(i == 4 ? "" : (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture))},{i % 5}");
        var data = Write("data.csv", string.Join('\n', ["uCode,uName,I1,I2,I3", .. rows]));
        var config = Write("pipeline.json", """{ "imputation": { "method": "mean" }, "treatment": { "enabled": true } }""");

        var exit = await Run("index", "compute", "--data", data, "--meta", Write("meta.csv", Meta), "--config", config, "--out", Out());

        Assert.Equal(0, exit);
        var treatment = await File.ReadAllLinesAsync(Path.Combine(Out(), "treatment.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("iCode,data_availability,treated_points,winsorised_values,log_transformed,skewness_before,kurtosis_before,skewness_after,kurtosis_after", treatment[0]);
        Assert.Equal(["I1", "1", "2", "19:500->18;20:1000->18", "no"], treatment[1].Split(',')[..5]);
        Assert.Equal(["I2", "0.95", "0", "", "no"], treatment[2].Split(',')[..5]);
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

    [Fact]
    public async Task Sensitivity_WritesOneRowPerUncertainInput()
    {
        // no value is missing, so the imputation method changes nothing: f(A_B) = f(A) for that input, and both
        // Sᵢ = (1/n) Σ f(B) (f(A_B) − f(A)) / V and Sₜᵢ = (1/2n) Σ (f(A) − f(A_B))² / V are exactly 0
        var config = Write("pipeline.json", """{ "uncertainty": { "weightPerturbation": 0.25, "imputation": ["mean", "median"] } }""");

        var exit = await Run("index", "sensitivity", "--data", Write("data.csv", Crossing), "--meta", Write("meta.csv", Meta), "--config", config, "--runs", "400", "--seed", "3", "--out", Out());

        Assert.Equal(0, exit);
        var sensitivity = await File.ReadAllLinesAsync(Path.Combine(Out(), "sensitivity.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("factor,first_order,total_effect", sensitivity[0]);
        Assert.Equal(["weights", "imputation"], sensitivity[1..].Select(l => l.Split(',')[0]));
        Assert.Equal("imputation,0,0", sensitivity[2]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<int> Run(params string[] args) => CommandLine.Create().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    private static double Parse(string cell) => double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);

    private string Out() => Path.Combine(_dir, "out");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
