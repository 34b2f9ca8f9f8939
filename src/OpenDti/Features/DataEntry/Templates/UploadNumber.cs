using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>How numbers typed as text are written in an uploaded file (docs/templates.md, "Numbers").</summary>
internal enum NumberStyle
{
    /// <summary>
    /// Vietnamese: "," is the decimal mark and "." groups thousands in threes — 1.234,5 or 1234,5. Used for text
    /// cells of an XLSX file and for CSV files separated by ";" (what Excel writes on Vietnamese Windows).
    /// </summary>
    Vietnamese,

    /// <summary>A decimal point, no grouping — 1234.5 or 1.5E3. Used for CSV files separated by "," (our template, scripts).</summary>
    DecimalPoint,
}

/// <summary>
/// Reads a number typed as text under one <see cref="NumberStyle"/>, strictly: anything else ("1.5" in a
/// Vietnamese file, "1,234" in a decimal-point file, "45%", "12 hồ sơ") is refused rather than guessed, because
/// a wrong guess would change a value by a factor of a thousand without anyone noticing.
/// </summary>
internal static partial class UploadNumber
{
    public static bool TryParse(string text, NumberStyle style, out double value)
    {
        value = 0;
        var trimmed = text.Trim().Trim('\u00A0', '\u202F');
        var canonical = style switch
        {
            NumberStyle.Vietnamese when VietnameseNumber().IsMatch(trimmed) => trimmed.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.'),
            NumberStyle.DecimalPoint when DecimalPointNumber().IsMatch(trimmed) => trimmed,
            _ => null,
        };
        return canonical is not null
            && double.TryParse(canonical, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    [GeneratedRegex(@"^[+-]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VietnameseNumber();

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPointNumber();
}
