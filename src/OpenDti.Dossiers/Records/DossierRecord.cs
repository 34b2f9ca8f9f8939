using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Records;

/// <summary>
/// One valid row of a dossier export, as <c>dossiers ingest</c> stores it. Times are Vietnam local time in
/// whole seconds since 0001-01-01 (<see cref="DateTime.Ticks"/> ÷ 10⁷), as written in the file; the month is
/// that of <see cref="ReceivedAt"/>.
/// </summary>
public sealed record DossierRecord
{
    /// <summary>No finished time: the dossier is still open.</summary>
    public const long Open = DossierRow.Open;

    public required string Id { get; init; }

    public required string ProcedureCode { get; init; }

    public required string UnitCode { get; init; }

    public required Channel Channel { get; init; }

    public required long ReceivedAt { get; init; }

    public required long DueAt { get; init; }

    /// <summary><see cref="Open"/> while the dossier is not finished.</summary>
    public required long FinishedAt { get; init; }

    public required string Status { get; init; }

    /// <summary>The line of the file the row starts on (the header is line 1).</summary>
    public required int Line { get; init; }

    /// <summary>The month of receipt as <c>yyyyMM</c> (202503).</summary>
    public int Month => MonthOf(ReceivedAt);

    /// <summary>The first second of the month after the month of receipt: open and due before it means overdue (docs/dossier-kpis.md).</summary>
    public long MonthEnd => LocalTime.StartOfNextMonth(LocalTime.MonthNumber(ReceivedAt));

    /// <summary><c>yyyyMM</c> of a local time in seconds.</summary>
    public static int MonthOf(long seconds)
    {
        var number = LocalTime.MonthNumber(seconds);
        return number / 12 * 100 + number % 12 + 1;
    }

    /// <summary>A local time in seconds as a <see cref="DateTime"/> of kind unspecified.</summary>
    public static DateTime ToDateTime(long seconds) => LocalTime.ToDateTime(seconds);
}
