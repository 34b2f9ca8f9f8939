using System.Globalization;
using OpenDti.Features.DataEntry;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>The reading rule of typed numbers (see <see cref="NumberInput"/>), in Vietnamese and in English.</summary>
public sealed class NumberInputTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("1.234,5", 1234.5)] // Vietnamese: '.' groups, ',' is the decimal separator
    [InlineData("1234.5", 1234.5)] // '.' once, not three digits after: a decimal point
    [InlineData("1234,5", 1234.5)]
    [InlineData("1,234", 1.234)] // ',' is Vietnamese's decimal separator: never grouping on its own
    [InlineData("1.234.567", 1234567)] // '.' more than once: grouping
    [InlineData("1.234.567,25", 1234567.25)]
    [InlineData("1,234,567.25", 1234567.25)] // both present: the last one is the decimal separator
    [InlineData("0.125", 0.125)] // a lone 0 before the separator cannot be a group
    [InlineData("1234.567", 1234.567)] // four digits before: cannot be a group
    [InlineData("12.34", 12.34)]
    [InlineData("  -12,5 ", -12.5)]
    [InlineData("+7", 7)]
    [InlineData("\u221212", -12)] // the typographic minus sign
    [InlineData("0", 0)]
    public void Vietnamese_ReadsTheValue(string text, double expected)
    {
        var reading = NumberInput.Read(text, Vietnamese);

        Assert.Equal(NumberProblem.None, reading.Problem);
        Assert.Equal(expected, reading.Value);
    }

    [Theory]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234", 1.234)] // '.' is English's decimal separator
    [InlineData("1234,5", 1234.5)] // ',' once, not three digits after: a decimal comma
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234,567", 1234567)]
    public void English_ReadsTheValue(string text, double expected)
    {
        var reading = NumberInput.Read(text, English);

        Assert.Equal(NumberProblem.None, reading.Problem);
        Assert.Equal(expected, reading.Value);
    }

    [Theory]
    [InlineData("1.234", "vi-VN")] // one thousand two hundred and thirty-four, or one point two three four?
    [InlineData("12.345", "vi-VN")]
    [InlineData("-999.000", "vi-VN")]
    [InlineData("1,234", "en")]
    public void GroupingOrDecimal_IsAmbiguous_NotGuessed(string text, string culture)
    {
        var reading = NumberInput.Read(text, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(NumberProblem.Ambiguous, reading.Problem);
        Assert.Null(reading.Value);
    }

    [Theory]
    [InlineData("12a", NumberProblem.NotANumber)]
    [InlineData("1e5", NumberProblem.NotANumber)]
    [InlineData("1 234", NumberProblem.NotANumber)]
    [InlineData("12%", NumberProblem.NotANumber)]
    [InlineData(",5", NumberProblem.NotANumber)]
    [InlineData("5,", NumberProblem.NotANumber)]
    [InlineData("1,2,3.4,5", NumberProblem.NotANumber)]
    [InlineData("-", NumberProblem.NotANumber)]
    [InlineData("1.23.456", NumberProblem.BadGrouping)]
    [InlineData("1234.567.890", NumberProblem.BadGrouping)]
    [InlineData("1,23.5", NumberProblem.BadGrouping)]
    [InlineData("01.234.567", NumberProblem.BadGrouping)]
    public void Malformed_IsRefusedWithItsProblem(string text, NumberProblem expected)
    {
        var reading = NumberInput.Read(text, Vietnamese);

        Assert.Equal(expected, reading.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_IsNoValue(string? text)
    {
        var reading = NumberInput.Read(text, Vietnamese);

        Assert.True(reading.IsValid);
        Assert.Null(reading.Value);
    }

    [Theory]
    [InlineData(1234.5, "vi-VN", "1234,5", "1.234,5")]
    [InlineData(1.234, "vi-VN", "1,234", "1,234")]
    [InlineData(12.125, "vi-VN", "12,125", "12,125")]
    [InlineData(1234567, "en", "1234567", "1,234,567")]
    [InlineData(12.125, "en", "12.125", "12.125")]
    [InlineData(-0.5, "vi-VN", "-0,5", "-0,5")]
    public void StoredValue_ShownInTheInput_ReadsBackAsItself(double value, string culture, string input, string display)
    {
        var info = CultureInfo.GetCultureInfo(culture);

        var text = NumberInput.ForInput(value, info);

        Assert.Equal(input, text);
        Assert.Equal(display, NumberInput.ForDisplay(value, info));
        Assert.Equal(value, NumberInput.Read(text, info).Value);
    }
}
