using System.Globalization;

namespace OpenDti.Domain.Values;

/// <summary>
/// A reporting period: a year ("2024"), a quarter ("2024Q1") or a month ("2024-03"). The written
/// form is what files, the API and the store use; it sorts in time order within one period type.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(PeriodType type, int year, int index)
    {
        Type = type;
        Year = year;
        Index = index;
    }

    /// <summary>Year, quarter or month.</summary>
    public PeriodType Type { get; }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The quarter (1–4) or month (1–12); 0 for a year.</summary>
    public int Index { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Type switch
    {
        PeriodType.Quarter => new DateOnly(Year, ((Index - 1) * 3) + 1, 1),
        PeriodType.Month => new DateOnly(Year, Index, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Type switch
    {
        PeriodType.Quarter => Start.AddMonths(3).AddDays(-1),
        PeriodType.Month => Start.AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>A calendar year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the year is outside 1900–2999.</exception>
    public static Period OfYear(int year)
    {
        CheckYear(year);
        return new Period(PeriodType.Year, year, 0);
    }

    /// <summary>A calendar quarter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the year or quarter is out of range.</exception>
    public static Period OfQuarter(int year, int quarter)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new Period(PeriodType.Quarter, year, quarter);
    }

    /// <summary>A calendar month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the year or month is out of range.</exception>
    public static Period OfMonth(int year, int month)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new Period(PeriodType.Month, year, month);
    }

    /// <summary>Reads "2024", "2024Q1" or "2024-03"; returns false for anything else.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            return false;
        }

        var rest = text.AsSpan(4);
        if (rest.IsEmpty)
        {
            period = OfYear(year);
            return true;
        }

        if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
        {
            period = OfQuarter(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = OfMonth(year, month);
            return true;
        }

        return false;
    }

    /// <summary>Reads a period, throwing for a malformed one.</summary>
    /// <exception cref="FormatException">When <paramref name="text"/> is not a period.</exception>
    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period: expected 2024, 2024Q1 or 2024-03.");

    /// <summary>Orders by start date, then by length (a year before its first quarter).</summary>
    public int CompareTo(Period other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Type.CompareTo(other.Type);
    }

    /// <summary>True when <paramref name="left"/> starts before <paramref name="right"/>.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> starts after <paramref name="right"/>.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is not after <paramref name="right"/>.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is not before <paramref name="right"/>.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        PeriodType.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Index}"),
        PeriodType.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
    }
}
