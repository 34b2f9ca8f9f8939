using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenDti.IndexEngine.Problems;

namespace OpenDti.IndexEngine.Configuration;

/// <summary>
/// Reads a pipeline configuration from JSON: camelCase property names, enum values as camelCase strings
/// (<c>"minMax"</c>, <c>"groupMean"</c>), unknown properties refused, every section optional.
/// </summary>
public static class PipelineConfigJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly JsonSerializerOptions WriteOptions = new(Options) { WriteIndented = true };

    /// <summary>Parses and checks <paramref name="json"/>; problems carry the JSON path in the column.</summary>
    public static Checked<PipelineConfig> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PipelineConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<PipelineConfig>(json, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            return CheckedResult.Invalid<PipelineConfig>([new IndexProblem(IndexProblem.Config, line, e.Path, "expected a valid pipeline file: " + FirstSentence(e.Message))]);
        }

        if (config is null)
        {
            return CheckedResult.Invalid<PipelineConfig>([new IndexProblem(IndexProblem.Config, null, null, "expected a JSON object; found null")]);
        }

        var problems = Check(config);
        return problems.Count > 0 ? CheckedResult.Invalid<PipelineConfig>(problems) : CheckedResult.Valid<PipelineConfig>(config);
    }

    /// <summary>Writes <paramref name="config"/> in the same format.</summary>
    public static string Write(PipelineConfig config) => JsonSerializer.Serialize(config, WriteOptions);

    /// <summary>The range rules of the configuration values, independent of any data.</summary>
    public static IReadOnlyList<IndexProblem> Check(PipelineConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<IndexProblem>();
        Share(config.Screening.MinDataShare, "screening.minDataShare", problems);
        Share(config.Aggregation.MinChildShare, "aggregation.minChildShare", problems);
        if (config.Imputation.Method == ImputationMethod.GroupMean && string.IsNullOrEmpty(config.Imputation.Group))
        {
            problems.Add(Problem("imputation.group", "a group column (e.g. \"Group_Region\") for groupMean; found none"));
        }

        if (config.Treatment.MaxWinsorisedPoints < 0)
        {
            problems.Add(Problem("treatment.maxWinsorisedPoints", $"0 or more; found {config.Treatment.MaxWinsorisedPoints}"));
        }

        var n = config.Normalisation;
        if (!(n.Low < n.High) || !double.IsFinite(n.Low) || !double.IsFinite(n.High))
        {
            problems.Add(Problem("normalisation.high", $"low < high; found [{Text(n.Low)}, {Text(n.High)}]"));
        }

        if (!(n.StandardDeviation > 0))
        {
            problems.Add(Problem("normalisation.standardDeviation", $"more than 0; found {Text(n.StandardDeviation)}"));
        }

        var p = config.Uncertainty.WeightPerturbation;
        if (!(p >= 0 && p < 1))
        {
            problems.Add(Problem("uncertainty.weightPerturbation", $"0 ≤ p < 1; found {Text(p)}"));
        }

        foreach (var (code, weight) in config.Weights.Overrides)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                problems.Add(Problem("weights.overrides." + code, $"a finite weight of 0 or more; found {Text(weight)}"));
            }
        }

        return problems;
    }

    private static void Share(double value, string path, List<IndexProblem> problems)
    {
        if (!(value >= 0 && value <= 1))
        {
            problems.Add(Problem(path, $"a share between 0 and 1; found {Text(value)}"));
        }
    }

    private static IndexProblem Problem(string path, string message) => new(IndexProblem.Config, null, path, "expected " + message);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
