using OpenDti.Domain.Values;

namespace OpenDti.Domain.Tests.Values;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2024", PeriodType.Year, 2024, 0)]
    [InlineData("2024Q1", PeriodType.Quarter, 2024, 1)]
    [InlineData("2025Q4", PeriodType.Quarter, 2025, 4)]
    [InlineData("2024-03", PeriodType.Month, 2024, 3)]
    [InlineData("2025-12", PeriodType.Month, 2025, 12)]
    public void WrittenPeriod_ParsesToItsParts(string text, PeriodType type, int year, int index)
    {
        var period = Period.Parse(text);

        Assert.Equal(type, period.Type);
        Assert.Equal(year, period.Year);
        Assert.Equal(index, period.Index);
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("2024Q3")]
    [InlineData("2024-07")]
    public void ParsedPeriod_FormatsAsWritten(string text)
    {
        var period = Period.Parse(text);

        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("1899")]
    [InlineData("2024Q0")]
    [InlineData("2024Q5")]
    [InlineData("2024q1")]
    [InlineData("2024-00")]
    [InlineData("2024-13")]
    [InlineData("2024-3")]
    [InlineData("2024/03")]
    [InlineData("năm 2024")]
    [InlineData(null)]
    public void MalformedText_IsNotAPeriod(string? text)
    {
        var parsed = Period.TryParse(text, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void MalformedText_ThrowsFormatExceptionFromParse()
    {
        var thrown = Assert.Throws<FormatException>(() => Period.Parse("2024Q5"));

        Assert.Contains("2024Q5", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixedPeriods_SortByStartThenYearBeforeQuarterBeforeMonth()
    {
        string[] written = ["2024-03", "2025", "2024Q2", "2024-01", "2024", "2023Q4", "2024Q1"];

        var sorted = written.Select(Period.Parse).Order().Select(p => p.ToString());

        // 2023Q4 starts 2023-10-01; 2024, 2024Q1 and 2024-01 all start 2024-01-01 and go longest first
        Assert.Equal(["2023Q4", "2024", "2024Q1", "2024-01", "2024-03", "2024Q2", "2025"], sorted);
    }

    [Theory]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    [InlineData("2024Q1", "2024-01-01", "2024-03-31")]
    [InlineData("2025Q3", "2025-07-01", "2025-09-30")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2025-02", "2025-02-01", "2025-02-28")]
    public void Period_SpansItsCalendarDays(string text, string start, string end)
    {
        var period = Period.Parse(text);

        Assert.Equal(SeedData.Date(start), period.Start);
        Assert.Equal(SeedData.Date(end), period.End);
    }

    [Fact]
    public void QuarterFive_Throws()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfQuarter(2024, 5));

        Assert.Equal("quarter", thrown.ParamName);
    }

    [Fact]
    public void EarlierPeriod_ComparesLess()
    {
        var quarter = Period.OfQuarter(2025, 2);
        var month = Period.OfMonth(2025, 7);

        Assert.True(quarter < month);
        Assert.True(month >= quarter);
        Assert.False(quarter > month);
    }
}
