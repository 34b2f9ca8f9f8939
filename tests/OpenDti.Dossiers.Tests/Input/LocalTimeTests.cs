using System.Text;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Tests.Input;

public sealed class LocalTimeTests
{
    [Theory]
    [InlineData("2025-03-07", "2025-03-07T00:00:00")]
    [InlineData("2025-03-07 14:05:09", "2025-03-07T14:05:09")]
    [InlineData("2025-03-07T14:05:09", "2025-03-07T14:05:09")]
    [InlineData("2025-03-07T14:05", "2025-03-07T14:05:00")]
    [InlineData("2025-03-07T14:05:09.987", "2025-03-07T14:05:09")]
    [InlineData("07/03/2025 14:05:09", "2025-03-07T14:05:09")]
    [InlineData("7/3/2025 9:05", "2025-03-07T09:05:00")]
    [InlineData("07/03/2025", "2025-03-07T00:00:00")]
    [InlineData("29/02/2024 23:59:59", "2024-02-29T23:59:59")]
    [InlineData(" 31/12/2025 08:00:00 ", "2025-12-31T08:00:00")]
    public void BothForms_ReadAsTheSameLocalTime(string text, string expected)
    {
        Assert.True(LocalTime.TryParse(Encoding.UTF8.GetBytes(text), out var seconds));

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LocalTime.ToDateTime(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-02-29")]
    [InlineData("29/02/2025")]
    [InlineData("2025-03-07 24:00:00")]
    [InlineData("2025-03-07T14:05:09Z")]
    [InlineData("2025-03-07T14:05:09+07:00")]
    [InlineData("03-07-2025")]
    [InlineData("07/03/25")]
    [InlineData("ngày 7/3/2025")]
    public void AnythingElse_IsRefused(string text)
    {
        Assert.False(LocalTime.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("2025-01-31T23:59:59", "2025-01", "2025-02-01")]
    [InlineData("2024-12-01T00:00:00", "2024-12", "2025-01-01")]
    public void Months_AreCalendarMonthsOfTheLocalTime(string time, string month, string nextMonthStart)
    {
        var seconds = DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture).Ticks / TimeSpan.TicksPerSecond;

        var number = LocalTime.MonthNumber(seconds);

        Assert.Equal(month, LocalTime.FormatMonth(number));
        Assert.Equal(DateTime.Parse(nextMonthStart, System.Globalization.CultureInfo.InvariantCulture), LocalTime.ToDateTime(LocalTime.StartOfNextMonth(number)));
    }
}
