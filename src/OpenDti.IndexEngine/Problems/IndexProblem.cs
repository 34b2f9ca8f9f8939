namespace OpenDti.IndexEngine.Problems;

/// <summary>
/// One thing wrong with the input of the index engine, with its place, so that a person can find and fix it.
/// Bad input is returned as a list of these, never thrown.
/// </summary>
/// <param name="Source">Which input: <c>data</c>, <c>metadata</c> or <c>config</c> (the CLI puts the file name here).</param>
/// <param name="Row">1-based record number in that input, header not counted; <see langword="null"/> when the problem is not about one row.</param>
/// <param name="Column">Column or field name; <see langword="null"/> when the problem is about a whole row or input.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record IndexProblem(string Source, int? Row, string? Column, string Message)
{
    /// <summary>The source name of the indicator-data table.</summary>
    public const string Data = "data";

    /// <summary>The source name of the indicator-metadata table.</summary>
    public const string Metadata = "metadata";

    /// <summary>The source name of the pipeline configuration.</summary>
    public const string Config = "config";

    /// <summary>One line for people: <c>source, row R, column C: message</c>.</summary>
    public override string ToString()
    {
        var row = Row is { } r ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", row {r}") : "";
        var column = Column is { } c ? $", column {c}" : "";
        return $"{Source}{row}{column}: {Message}";
    }
}
