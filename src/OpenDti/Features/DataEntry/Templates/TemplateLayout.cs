namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Where things are in a template (described for people in docs/templates.md). Version 1 of the XLSX layout:
/// sheet "Số liệu" with a header block in rows 1–8, the table's header in row <see cref="HeaderRow"/>, one
/// row per unit from <see cref="FirstDataRow"/>: column A the unit's code, B its name, then two columns per
/// measure (value, comment); a hidden sheet "_meta" with what the upload needs to detect conflicts.
/// </summary>
internal static class TemplateLayout
{
    /// <summary>Raised when the layout changes in a way an older template cannot be read with.</summary>
    public const string Version = "1";

    public const string DataSheet = "Số liệu";
    public const string MetaSheet = "_meta";

    public const int HeaderRow = 9;
    public const int FirstDataRow = 10;

    public const string UnitColumn = "A";
    public const string UnitNameColumn = "B";

    /// <summary>The column of the value of the measure at <paramref name="order"/> (0-based): C, E, G, …</summary>
    public static string ValueColumn(int order) => ColumnLetters(3 + (2 * order));

    /// <summary>The column of the comment of the measure at <paramref name="order"/>: D, F, H, …</summary>
    public static string CommentColumn(int order) => ColumnLetters(4 + (2 * order));

    /// <summary>The letters of the 1-based column <paramref name="number"/>: 1 → A, 27 → AA.</summary>
    public static string ColumnLetters(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var letters = string.Empty;
        for (var n = number; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The 1-based column number of <paramref name="letters"/> (A → 1, AA → 27), or 0 when they are not column letters.</summary>
    public static int ColumnNumber(ReadOnlySpan<char> letters)
    {
        if (letters.IsEmpty || letters.Length > 3)
        {
            return 0;
        }

        var number = 0;
        foreach (var c in letters)
        {
            if (c is < 'A' or > 'Z')
            {
                return 0;
            }

            number = (number * 26) + (c - 'A' + 1);
        }

        return number;
    }

    /// <summary>The rows of the "_meta" sheet, each named by its first cell.</summary>
    public static class Meta
    {
        public const string DataSet = "data_set";
        public const string Period = "period";
        public const string TemplateVersion = "template_version";
        public const string GeneratedAt = "generated_at";

        /// <summary>A measure's columns: <c>column | measure | value column | comment column</c>.</summary>
        public const string Column = "column";

        /// <summary>A value as downloaded: <c>value | unit | measure | value | comment | version</c>.</summary>
        public const string Value = "value";
    }

    /// <summary>The CSV template's columns, in order; <see cref="CsvRequired"/> must be in an uploaded file.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["unit", "unit_name", "measure", "measure_name", "period", "value", "comment", "version"];

    public static readonly IReadOnlyList<string> CsvRequired = ["unit", "measure", "value"];
}
