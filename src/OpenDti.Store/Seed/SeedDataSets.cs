using System.Text.Json;
using System.Text.Json.Serialization;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;

namespace OpenDti.Store.Seed;

/// <summary>The data sets compiled into this assembly from Seed/collection/data-sets.json (see its SOURCES.md).</summary>
internal static class SeedDataSets
{
    public const string File = "collection/data-sets.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Reads the embedded file.</summary>
    /// <exception cref="JsonException">When the embedded file is malformed (a programming error).</exception>
    public static IReadOnlyList<DataSetEntry> Read()
    {
        using var stream = EmbeddedSeed.Open(File);
        return JsonSerializer.Deserialize<DataSetFile>(stream, Options)?.DataSets
            ?? throw new JsonException($"Seed/{File} is empty.");
    }

    internal sealed record DataSetFile(IReadOnlyList<DataSetEntry> DataSets);

    internal sealed record DataSetEntry(
        string Code,
        string Name,
        string? NameEn,
        string Framework,
        PeriodType PeriodType,
        UnitLevel? ReportingLevel,
        int DefaultDeadlineDays,
        IReadOnlyList<DataSetMeasureEntry> Measures);

    internal sealed record DataSetMeasureEntry(string Code, bool Required, double? Minimum = null, double? Maximum = null, bool WholeNumber = false);
}
