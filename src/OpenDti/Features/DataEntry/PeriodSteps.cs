using OpenDti.Domain.Values;

namespace OpenDti.Features.DataEntry;

/// <summary>Periods around a date: the one running and the one before, which are the periods open for entry.</summary>
public static class PeriodSteps
{
    /// <summary>The period of <paramref name="type"/> that contains <paramref name="day"/>.</summary>
    public static Period Containing(PeriodType type, DateOnly day) => type switch
    {
        PeriodType.Quarter => Period.OfQuarter(day.Year, ((day.Month - 1) / 3) + 1),
        PeriodType.Month => Period.OfMonth(day.Year, day.Month),
        _ => Period.OfYear(day.Year),
    };

    /// <summary>The period of the same type just before <paramref name="period"/>.</summary>
    public static Period Previous(this Period period) => period.Type switch
    {
        PeriodType.Quarter => period.Index == 1 ? Period.OfQuarter(period.Year - 1, 4) : Period.OfQuarter(period.Year, period.Index - 1),
        PeriodType.Month => period.Index == 1 ? Period.OfMonth(period.Year - 1, 12) : Period.OfMonth(period.Year, period.Index - 1),
        _ => Period.OfYear(period.Year - 1),
    };

    /// <summary>The periods open for entry on <paramref name="today"/>: the running one, then the one before.</summary>
    public static IReadOnlyList<Period> OpenOn(PeriodType type, DateOnly today)
    {
        var current = Containing(type, today);
        return [current, current.Previous()];
    }
}
