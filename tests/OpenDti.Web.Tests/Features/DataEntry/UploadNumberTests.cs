using OpenDti.Features.DataEntry.Templates;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>The documented rule for numbers typed as text (docs/templates.md, "Numbers").</summary>
public sealed class UploadNumberTests
{
    [Theory]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("12.500", 12500)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("-3", -3)]
    [InlineData(" 7 ", 7)]
    [InlineData("0,25", 0.25)]
    public void Vietnamese_ReadsDotsAsGroupsAndCommaAsDecimalMark(string text, double expected)
    {
        Assert.True(UploadNumber.TryParse(text, NumberStyle.Vietnamese, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")] // a dot that does not group three digits: written the English way, refused rather than read as 15
    [InlineData("1,234.5")]
    [InlineData("12.50")]
    [InlineData("45%")]
    [InlineData("12 hồ sơ")]
    [InlineData("١٢")] // Arabic-Indic digits are digits to .NET, not to a Vietnamese form
    [InlineData("")]
    public void Vietnamese_RefusesWhatItWouldHaveToGuess(string text) =>
        Assert.False(UploadNumber.TryParse(text, NumberStyle.Vietnamese, out _));

    [Theory]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1.234", 1.234)]
    [InlineData("1.5E3", 1500)]
    [InlineData("-0.25", -0.25)]
    public void DecimalPoint_ReadsTheDotAsDecimalMark(string text, double expected)
    {
        Assert.True(UploadNumber.TryParse(text, NumberStyle.DecimalPoint, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1,234")]
    [InlineData("NaN")]
    [InlineData("1E999")]
    public void DecimalPoint_RefusesCommasAndNonNumbers(string text) =>
        Assert.False(UploadNumber.TryParse(text, NumberStyle.DecimalPoint, out _));
}
