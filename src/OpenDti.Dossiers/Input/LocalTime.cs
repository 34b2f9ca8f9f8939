namespace OpenDti.Dossiers.Input;

/// <summary>
/// Local date-times as written in an export (Vietnam time, no time-zone conversion), as whole seconds since
/// 0001-01-01 00:00:00, parsed straight from UTF-8 bytes. Accepted forms: ISO <c>yyyy-MM-dd</c>,
/// <c>yyyy-MM-ddTHH:mm[:ss[.fff]]</c> or with a space instead of <c>T</c>; and the common Vietnamese
/// <c>dd/MM/yyyy[ HH:mm[:ss]]</c>, day, month and hour with one or two digits. Fractions of a second are
/// dropped (the KPIs are exact to the second); an offset or <c>Z</c> is refused, because the file's local
/// time is what counts and converting would move dossiers between days and months.
/// </summary>
internal static class LocalTime
{
    public const long SecondsPerDay = 86_400;
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    public static bool TryParse(ReadOnlySpan<byte> text, out long seconds)
    {
        seconds = 0;
        text = text.Trim((byte)' ');
        if (text.Length >= 10 && text[4] == '-')
        {
            return TryParseIso(text, out seconds);
        }

        return TryParseVietnamese(text, out seconds);
    }

    /// <summary>The month of a time as one number, year × 12 + month − 1.</summary>
    public static int MonthNumber(long seconds)
    {
        var (year, month, _) = FromDays(seconds / SecondsPerDay);
        return year * 12 + month - 1;
    }

    /// <summary>The first second of the month after <paramref name="monthNumber"/>.</summary>
    public static long StartOfNextMonth(int monthNumber)
    {
        var next = monthNumber + 1;
        return DaysFromCivil(next / 12, next % 12 + 1, 1) * SecondsPerDay;
    }

    public static string FormatMonth(int monthNumber) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{monthNumber / 12:D4}-{monthNumber % 12 + 1:D2}");

    public static DateTime ToDateTime(long seconds) => new(seconds * TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);

    private static bool TryParseIso(ReadOnlySpan<byte> s, out long seconds)
    {
        seconds = 0;
        if (s[7] != '-' || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        var rest = s[10..];
        int hour = 0, minute = 0, second = 0;
        if (rest.Length > 0)
        {
            if (rest[0] is not ((byte)'T' or (byte)' ') || !TryParseClock(rest[1..], allowFraction: true, out hour, out minute, out second))
            {
                return false;
            }
        }

        return TryCompose(year, month, day, hour, minute, second, out seconds);
    }

    private static bool TryParseVietnamese(ReadOnlySpan<byte> s, out long seconds)
    {
        seconds = 0;
        var slash1 = s.IndexOf((byte)'/');
        if (slash1 is < 1 or > 2 || !Digits(s[..slash1], out var day))
        {
            return false;
        }

        s = s[(slash1 + 1)..];
        var slash2 = s.IndexOf((byte)'/');
        if (slash2 is < 1 or > 2 || !Digits(s[..slash2], out var month))
        {
            return false;
        }

        s = s[(slash2 + 1)..];
        if (s.Length < 4 || !Digits(s[..4], out var year))
        {
            return false;
        }

        var rest = s[4..];
        int hour = 0, minute = 0, second = 0;
        if (rest.Length > 0)
        {
            if (rest[0] != ' ' || !TryParseClock(rest[1..].TrimStart((byte)' '), allowFraction: false, out hour, out minute, out second))
            {
                return false;
            }
        }

        return TryCompose(year, month, day, hour, minute, second, out seconds);
    }

    // H[H]:mm[:ss[.f…]]
    private static bool TryParseClock(ReadOnlySpan<byte> s, bool allowFraction, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var colon = s.IndexOf((byte)':');
        if (colon is < 1 or > 2 || !Digits(s[..colon], out hour))
        {
            return false;
        }

        s = s[(colon + 1)..];
        if (s.Length < 2 || !Digits(s[..2], out minute))
        {
            return false;
        }

        s = s[2..];
        if (s.Length == 0)
        {
            return true;
        }

        if (s[0] != ':' || s.Length < 3 || !Digits(s.Slice(1, 2), out second))
        {
            return false;
        }

        s = s[3..];
        if (s.Length == 0)
        {
            return true;
        }

        return allowFraction && s[0] == '.' && s.Length > 1 && Digits(s[1..], out _, maxDigits: 9);
    }

    private static bool TryCompose(int year, int month, int day, int hour, int minute, int second, out long seconds)
    {
        seconds = 0;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        seconds = DaysFromCivil(year, month, day) * SecondsPerDay + hour * 3600 + minute * 60 + second;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value, int maxDigits = 4)
    {
        value = 0;
        if (s.Length == 0 || s.Length > maxDigits)
        {
            return false;
        }

        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
    }

    // Days since 0001-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil, shifted to DateTime's epoch).
    private static long DaysFromCivil(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400;
        var yoe = y - era * 400;
        var doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 306;
    }

    private static (int Year, int Month, int Day) FromDays(long days)
    {
        var z = days + 306;
        var era = z / 146_097;
        var doe = z - era * 146_097;
        var yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        var y = yoe + era * 400;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var d = doy - (153 * mp + 2) / 5 + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        return ((int)(m <= 2 ? y + 1 : y), (int)m, (int)d);
    }
}
