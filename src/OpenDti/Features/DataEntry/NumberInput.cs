using System.Globalization;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// Reads a number a person typed into a form, the way Vietnamese and English writers write them, and
/// refuses what could be read two ways rather than guess. The rule (mirrored by <c>wwwroot/js/data-entry.js</c>):
/// <list type="number">
/// <item>Spaces around the number are ignored; a leading '-' or '+' is a sign; only the digits 0–9,
/// '.' and ',' may follow (no spaces inside, no exponent, no '%').</item>
/// <item>Both '.' and ',' present: the last of them is the decimal separator and appears once; the other
/// groups thousands, in groups of three digits ("1.234.567,5" and "1,234,567.5" are both 1234567.5).</item>
/// <item>One kind of separator, more than once: it groups thousands ("1.234.567" is 1234567).</item>
/// <item>One separator, once: when it is the culture's decimal separator (',' in Vietnamese, '.' in
/// English) it is the decimal separator ("1234,5" and "1,234" are 1234.5 and 1.234 in Vietnamese).
/// When it is the other one, it is read as a decimal separator too ("1234.5" is 1234.5 in Vietnamese)
/// unless it could also be grouping — one to three digits before it (not starting with 0) and exactly three
/// after, as in "1.234" in Vietnamese or "1,234" in English: that is ambiguous and refused, with the
/// two unambiguous ways to write it.</item>
/// </list>
/// A number written in the culture's own decimal separator without grouping, as the form shows stored
/// values (<see cref="ForInput"/>), always reads back as itself.
/// </summary>
public static class NumberInput
{
    /// <summary>Reads <paramref name="text"/> for a person working in <paramref name="culture"/>.</summary>
    public static NumberReading Read(string? text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            return NumberReading.Empty;
        }

        var negative = false;
        if (s[0] is '-' or '+' or '\u2212')
        {
            negative = s[0] != '+';
            s = s[1..];
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or ','))
            {
                return NumberReading.Fail(NumberProblem.NotANumber);
            }
        }

        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
        {
            return NumberReading.Fail(NumberProblem.NotANumber);
        }

        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        string integer;
        var fraction = string.Empty;
        if (dots > 0 && commas > 0)
        {
            var decimalSeparator = s.LastIndexOf('.') > s.LastIndexOf(',') ? '.' : ',';
            var group = decimalSeparator == '.' ? ',' : '.';
            var at = s.LastIndexOf(decimalSeparator);
            if (s.IndexOf(decimalSeparator, StringComparison.Ordinal) != at)
            {
                return NumberReading.Fail(NumberProblem.NotANumber);
            }

            fraction = s[(at + 1)..];
            if (!TryUngroup(s[..at], group, out integer))
            {
                return NumberReading.Fail(NumberProblem.BadGrouping);
            }
        }
        else if (dots + commas == 0)
        {
            integer = s;
        }
        else
        {
            var separator = dots > 0 ? '.' : ',';
            if (dots + commas > 1)
            {
                if (!TryUngroup(s, separator, out integer))
                {
                    return NumberReading.Fail(NumberProblem.BadGrouping);
                }
            }
            else
            {
                var at = s.IndexOf(separator, StringComparison.Ordinal);
                integer = s[..at];
                fraction = s[(at + 1)..];
                var isCultureDecimal = culture.NumberFormat.NumberDecimalSeparator == separator.ToString();
                var couldBeGrouping = integer.Length is >= 1 and <= 3 && integer[0] != '0' && fraction.Length == 3;
                if (!isCultureDecimal && couldBeGrouping)
                {
                    return NumberReading.Fail(NumberProblem.Ambiguous);
                }
            }
        }

        var invariant = fraction.Length == 0 ? integer : integer + "." + fraction;
        if (!double.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return NumberReading.Fail(NumberProblem.NotANumber);
        }

        return NumberReading.Of(negative ? -value : value);
    }

    /// <summary>
    /// A stored value as the form's input shows it: the culture's decimal separator, no grouping, up to 15
    /// decimals — text that <see cref="Read"/> reads back as the same value.
    /// </summary>
    public static string ForInput(double value, CultureInfo culture) =>
        Math.Abs(value) < 1e15 ? value.ToString("0.###############", culture) : value.ToString("R", culture);

    /// <summary>A value for reading: grouped thousands in the culture's way ("1.234,5" in Vietnamese).</summary>
    public static string ForDisplay(double value, CultureInfo culture) => value.ToString("#,##0.###############", culture);

    /// <summary>Removes the group separators of <paramref name="text"/> when every group after the first has three digits.</summary>
    private static bool TryUngroup(string text, char separator, out string digits)
    {
        var groups = text.Split(separator);
        digits = string.Concat(groups);
        return groups[0].Length is >= 1 and <= 3 && groups[0][0] != '0' && groups.Skip(1).All(g => g.Length == 3);
    }
}

/// <summary>What is wrong with a typed number.</summary>
public enum NumberProblem
{
    /// <summary>Nothing: the text is a number (or empty).</summary>
    None = 0,

    /// <summary>Not a number at all ("12a", "1..2", "1e5").</summary>
    NotANumber = 1,

    /// <summary>Thousands separators in the wrong places ("1.23.456").</summary>
    BadGrouping = 2,

    /// <summary>Could be a decimal or a grouped whole number ("1.234" in Vietnamese).</summary>
    Ambiguous = 3,
}

/// <summary>The outcome of <see cref="NumberInput.Read"/>: a value, nothing (empty text), or a problem.</summary>
public readonly record struct NumberReading(double? Value, NumberProblem Problem)
{
    /// <summary>The text was empty.</summary>
    public static NumberReading Empty => new(null, NumberProblem.None);

    /// <summary>True when the text was a number or empty.</summary>
    public bool IsValid => Problem == NumberProblem.None;

    internal static NumberReading Of(double value) => new(value, NumberProblem.None);

    internal static NumberReading Fail(NumberProblem problem) => new(null, problem);
}
