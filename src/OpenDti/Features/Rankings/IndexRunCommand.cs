using System.CommandLine;
using System.Globalization;
using OpenDti.Cli;
using OpenDti.Domain.Values;
using OpenDti.IndexEngine.Configuration;

namespace OpenDti.Features.Rankings;

/// <summary><c>index run --framework CODE --period P [--config PIPELINE.json] [--runs N --seed S] [--db …]</c>: computes and stores a ranking.</summary>
internal static class IndexRunCommand
{
    public static Command Create()
    {
        var framework = new Option<string>("--framework") { Description = "Mã bộ chỉ số / framework code, e.g. DTI_PROVINCE", Required = true };
        var period = new Option<string>("--period") { Description = "Kỳ / period: 2024, 2024Q1 or 2024-03", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "Cấu hình pipeline (JSON) / pipeline configuration file" };
        var runs = new Option<int>("--runs") { Description = "Số lần mô phỏng Monte Carlo cho khoảng thứ hạng / Monte Carlo replications for rank intervals (0 = none)" };
        var seed = new Option<ulong>("--seed") { Description = "Hạt giống ngẫu nhiên / random seed", DefaultValueFactory = _ => 1 };
        var db = StoreOption.Create();
        var command = new Command("run", "Tính và lưu xếp hạng từ số liệu trong kho / compute and store a ranking from the stored values")
        {
            framework, period, config, runs, seed, db,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var periodText = parse.GetRequiredValue(period);
            if (!Period.TryParse(periodText, out var parsedPeriod))
            {
                return CliOutput.Fail($"--period: cần / expected 2024, 2024Q1 or 2024-03; nhận được / found '{periodText}'.");
            }

            if (parse.GetValue(runs) < 0)
            {
                return CliOutput.Fail("--runs: cần số không âm / expected 0 or more.");
            }

            PipelineConfig? pipeline = null;
            if (parse.GetValue(config) is { } file)
            {
                var read = PipelineConfigJson.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken));
                if (!read.IsValid)
                {
                    return CliOutput.Fail(string.Join(Environment.NewLine, read.Problems.Select(p => $"{file.Name}: {p.Message}")));
                }

                pipeline = read.Value;
            }

            await using var context = await StoreOption.OpenAsync(parse.GetValue(db), cancellationToken);
            var outcome = await new IndexRunner(context, TimeProvider.System).RunAsync(
                new IndexRunRequest
                {
                    FrameworkCode = parse.GetRequiredValue(framework),
                    Period = parsedPeriod,
                    Config = pipeline,
                    UncertaintyRuns = parse.GetValue(runs),
                    Seed = parse.GetValue(seed),
                    CreatedBy = "cli",
                },
                cancellationToken);
            if (outcome.Run is null)
            {
                return CliOutput.Fail(string.Join(Environment.NewLine, outcome.Problems));
            }

            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Đã tính lần chạy {outcome.Run.Id}: {outcome.UnitCount} đơn vị, kỳ {parsedPeriod} / run {outcome.Run.Id} stored: {outcome.UnitCount} units, period {parsedPeriod}"));
            return 0;
        });
        return command;
    }
}
