using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenDti.Store.Seed;

/// <summary>The rules of the demo data set, read from Seed/demo/demo-profile.json (see the comments there).</summary>
internal sealed record DemoProfile
{
    public required int Seed { get; init; }

    public required int FirstYear { get; init; }

    public required int LastYear { get; init; }

    public required Dictionary<string, DemoRule> Measures { get; init; }

    public static DemoProfile Read()
    {
        using var stream = EmbeddedSeed.Open("demo/demo-profile.json");
        return JsonSerializer.Deserialize<DemoProfile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("Seed/demo/demo-profile.json is empty.");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

/// <summary>How one measure's demo values are drawn.</summary>
internal sealed record DemoRule
{
    public required DemoRuleKind Kind { get; init; }

    /// <summary>count, level: the range of the first year's value.</summary>
    public double[]? Base { get; init; }

    /// <summary>count: the range of the yearly growth (0.05 = +5 %).</summary>
    public double[]? Growth { get; init; }

    /// <summary>part: the measure this one is a part of.</summary>
    public string? Of { get; init; }

    /// <summary>part: the range of the first year's share.</summary>
    public double[]? Share { get; init; }

    /// <summary>part: the yearly gain in share; level: the yearly change.</summary>
    public double[]? Gain { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public int Decimals { get; init; }

    /// <summary>The last year the measure exists (district figures end in 2024).</summary>
    public int? LastYear { get; init; }
}

internal enum DemoRuleKind
{
    Count,
    Part,
    Level,
}
