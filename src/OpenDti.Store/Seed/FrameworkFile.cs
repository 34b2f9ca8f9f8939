using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenDti.Domain.Frameworks.Definitions;
using OpenDti.Domain.Problems;

namespace OpenDti.Store.Seed;

/// <summary>
/// Reads framework files and measure catalogues: UTF-8 JSON with camelCase names, where comments and trailing
/// commas are allowed but unknown properties, missing required ones, nulls where a value is required, and
/// numbers written as strings are not. Bad input is returned as a problem with the file, line, character
/// position and JSON path, never thrown. Only the shape is checked here; the meaning is
/// <see cref="FrameworkChecker"/>'s.
/// </summary>
public static class FrameworkFile
{
    /// <summary>The code of a problem with the JSON itself: syntax, shape or encoding.</summary>
    public const string InvalidJson = "file.invalid-json";

    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Reads a framework file: <c>{ "code", "name", "nameEn", "description", "descriptionEn", "versions": [ { …, "nodes": [ … ] } ] }</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">The file name, for problems.</param>
    public static FileReadResult<FrameworkDefinition> ReadFramework(string json, string sourceName) =>
        Read<FrameworkDefinition>(json, sourceName, "a framework file: an object with code, name and versions, each version with nodes");

    /// <summary>Reads a framework file from a UTF-8 stream, which is left open.</summary>
    public static FileReadResult<FrameworkDefinition> ReadFramework(Stream utf8Json, string sourceName) =>
        ReadText(utf8Json, sourceName) is { } text ? ReadFramework(text, sourceName) : FileReadResult<FrameworkDefinition>.Failure(NotUtf8(sourceName));

    /// <summary>Reads a measure catalogue: <c>{ "measures": [ { "code", "name", "nameEn", "unitOfMeasure", "aggregation", "description", "descriptionEn" } ] }</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">The file name, for problems.</param>
    public static FileReadResult<IReadOnlyList<MeasureDefinition>> ReadMeasures(string json, string sourceName)
    {
        var document = Read<MeasureCatalogueDocument>(json, sourceName, "a measure catalogue: an object with a list of measures");
        return document.Succeeded
            ? FileReadResult<IReadOnlyList<MeasureDefinition>>.Success(document.Value.Measures)
            : FileReadResult<IReadOnlyList<MeasureDefinition>>.Failure(document.Problems[0]);
    }

    /// <summary>Reads a measure catalogue from a UTF-8 stream, which is left open.</summary>
    public static FileReadResult<IReadOnlyList<MeasureDefinition>> ReadMeasures(Stream utf8Json, string sourceName) =>
        ReadText(utf8Json, sourceName) is { } text ? ReadMeasures(text, sourceName) : FileReadResult<IReadOnlyList<MeasureDefinition>>.Failure(NotUtf8(sourceName));

    private static FileReadResult<T> Read<T>(string json, string sourceName, string expected)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) is { } value
                ? FileReadResult<T>.Success(value)
                : FileReadResult<T>.Failure(new InputProblem(InvalidJson, new ProblemPlace(sourceName, Row: 1), expected, "null"));
        }
        catch (JsonException exception)
        {
            return FileReadResult<T>.Failure(ToProblem(exception, json, sourceName, expected));
        }
    }

    private static InputProblem ToProblem(JsonException exception, string json, string sourceName, string expected)
    {
        var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
        var position = CharacterPosition(json, exception.LineNumber, exception.BytePositionInLine);
        var place = new ProblemPlace(
            sourceName,
            Row: line,
            Column: position is null ? null : string.Create(CultureInfo.InvariantCulture, $"position {position}"),
            Field: exception.Path);

        // The message ends with "Path: … | LineNumber: … | BytePositionInLine: …", which the place already says.
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return new InputProblem(InvalidJson, place, expected, cut < 0 ? message : message[..cut]);
    }

    /// <summary>The 1-based character position on the line, from the reader's byte offset into the line's UTF-8.</summary>
    private static int? CharacterPosition(string json, long? lineNumber, long? bytePositionInLine)
    {
        if (lineNumber is not { } line || bytePositionInLine is not { } bytes)
        {
            return null;
        }

        var lines = json.Split('\n');
        if (line >= lines.Length)
        {
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(bytes, utf8.Length)) + 1;
    }

    private static string? ReadText(Stream utf8Json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var reader = new StreamReader(utf8Json, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        try
        {
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static InputProblem NotUtf8(string sourceName) =>
        new(InvalidJson, new ProblemPlace(sourceName), "a file in UTF-8", "bytes that are not UTF-8");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
