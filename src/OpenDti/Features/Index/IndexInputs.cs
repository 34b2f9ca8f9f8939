using System.CommandLine;
using OpenDti.IndexEngine.Configuration;
using OpenDti.IndexEngine.Model;
using OpenDti.IndexEngine.Problems;

namespace OpenDti.Features.Index;

/// <summary>The options both index verbs share, and loading the three input files with every problem reported.</summary>
internal sealed class IndexInputs
{
    public Option<string> Data { get; } = new("--data") { Required = true, Description = "Dữ liệu chỉ tiêu / indicator data CSV (uCode, uName, Group_*, indicators)" };

    public Option<string> Meta { get; } = new("--meta") { Required = true, Description = "Siêu dữ liệu / indicator metadata CSV (iCode, Level, Parent, Weight, Direction, Type, …)" };

    public Option<string?> Config { get; } = new("--config") { Description = "Cấu hình quy trình / pipeline JSON" };

    public Option<string> Out { get; } = new("--out") { Required = true, Description = "Thư mục kết quả / output directory" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Meta);
        command.Options.Add(Config);
        command.Options.Add(Out);
    }

    public Dictionary<string, string> Names(ParseResult parse) => new(StringComparer.Ordinal)
    {
        [IndexProblem.Data] = Path.GetFileName(parse.GetRequiredValue(Data)),
        [IndexProblem.Metadata] = Path.GetFileName(parse.GetRequiredValue(Meta)),
        [IndexProblem.Config] = parse.GetValue(Config) is { } c ? Path.GetFileName(c) : "config",
    };

    public Loaded Load(ParseResult parse)
    {
        var names = Names(parse);
        var problems = new List<IndexProblem>();
        IndexData? data = null;
        IndexMetadata? meta = null;
        var config = PipelineConfig.Default;
        foreach (var path in new[] { parse.GetRequiredValue(Data), parse.GetRequiredValue(Meta), parse.GetValue(Config) }.OfType<string>())
        {
            if (!File.Exists(path))
            {
                return new Loaded(null, null, null, Cli.CliOutput.Fail($"{path}: không tìm thấy tệp / file not found"));
            }
        }

        using (var reader = new StreamReader(parse.GetRequiredValue(Data)))
        {
            var read = IndexCsvReader.ReadData(reader);
            data = read.Value;
            problems.AddRange(read.Problems);
        }

        using (var reader = new StreamReader(parse.GetRequiredValue(Meta)))
        {
            var read = IndexCsvReader.ReadMetadata(reader);
            meta = read.Value;
            problems.AddRange(read.Problems);
        }

        if (parse.GetValue(Config) is { } configPath)
        {
            var read = PipelineConfigJson.Parse(File.ReadAllText(configPath));
            config = read.Value ?? config;
            problems.AddRange(read.Problems);
        }

        return problems.Count > 0
            ? new Loaded(null, null, null, IndexCommands.Fail(problems, names))
            : new Loaded(data, meta, config, null);
    }

    public sealed record Loaded(IndexData? Data, IndexMetadata? Meta, PipelineConfig? Config, int? Failure);
}
