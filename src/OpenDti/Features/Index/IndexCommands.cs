using System.CommandLine;
using System.Globalization;
using OpenDti.Cli;
using OpenDti.IndexEngine.Pipeline;
using OpenDti.IndexEngine.Problems;
using OpenDti.IndexEngine.Uncertainty;

namespace OpenDti.Features.Index;

/// <summary>
/// <c>index compute --data … --meta … [--config …] --out DIR</c> and
/// <c>index sensitivity --data … --meta … [--config …] --runs N --seed S --out DIR</c>: the index engine on files.
/// </summary>
internal static class IndexCommands
{
    public static Command Create()
    {
        return new Command("index", "Chỉ số tổng hợp / composite index") { CreateCompute(), CreateSensitivity() };
    }

    private static Command CreateCompute()
    {
        var inputs = new IndexInputs();
        var command = new Command("compute", "Tính chỉ số: các bước và kết quả ra CSV / compute the index: stages and results as CSV");
        inputs.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = inputs.Load(parse);
            if (loaded.Failure is { } failure)
            {
                return failure;
            }

            var run = IndexPipeline.Run(loaded.Data!, loaded.Meta!, loaded.Config!);
            if (!run.IsValid)
            {
                return Fail(run.Problems, inputs.Names(parse));
            }

            var outDir = parse.GetRequiredValue(inputs.Out);
            Directory.CreateDirectory(outDir);
            IndexCsvWriter.WriteCompute(run.Value, outDir);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.Value.UnitCodes.Length} đơn vị / units scored, {run.Value.ScreenedOut.Length} loại / screened out → {outDir}"));
            return 0;
        });
        return command;
    }

    private static Command CreateSensitivity()
    {
        var inputs = new IndexInputs();
        var runs = new Option<int>("--runs") { Required = true, Description = "Số lần đánh giá / pipeline evaluations (budget)" };
        var seed = new Option<ulong>("--seed") { Required = true, Description = "Hạt giống ngẫu nhiên / master seed" };
        var command = new Command("sensitivity", "Phân tích bất định và độ nhạy / uncertainty and sensitivity analysis") { runs, seed };
        inputs.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = inputs.Load(parse);
            if (loaded.Failure is { } failure)
            {
                return failure;
            }

            var result = UncertaintyAnalysis.Run(loaded.Data!, loaded.Meta!, loaded.Config!, new MonteCarloSettings(parse.GetValue(runs), parse.GetValue(seed)));
            if (!result.IsValid)
            {
                return Fail(result.Problems, inputs.Names(parse));
            }

            var outDir = parse.GetRequiredValue(inputs.Out);
            Directory.CreateDirectory(outDir);
            IndexCsvWriter.WriteSensitivity(result.Value, outDir);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Value.Evaluations} lần đánh giá / evaluations → {outDir}"));
            return 0;
        });
        return command;
    }

    /// <summary>One line per problem, in the input files' terms: file, line (header is line 1), column.</summary>
    internal static int Fail(IEnumerable<IndexProblem> problems, IReadOnlyDictionary<string, string> files)
    {
        var lines = problems.Select(p =>
        {
            var file = files.GetValueOrDefault(p.Source, p.Source);
            var line = p.Row is { } r && p.Source != IndexProblem.Config ? string.Create(CultureInfo.InvariantCulture, $", dòng / line {r + 1}") : "";
            var column = p.Column is { } c ? $", cột / column {c}" : "";
            return $"{file}{line}{column}: {p.Message}";
        });
        return CliOutput.Fail(string.Join(Environment.NewLine, lines));
    }
}
