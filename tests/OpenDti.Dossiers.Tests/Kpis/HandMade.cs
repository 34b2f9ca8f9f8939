namespace OpenDti.Dossiers.Tests.Kpis;

/// <summary>
/// The hand-made export behind the KPI tests, with the numbers worked out by hand.
/// Catalogue: P1 and P3 full online, P2 partial (2 full-online procedures).
/// <code>
/// D1 01001 online  03/03 08:00, due 10/03 17:00, done 05/03 08:00 → on time, 2 days (2,880 min)
/// D2 01001 counter 03/03 09:00, due 05/03 17:00, done 07/03 09:00 → late, 4 days (5,760 min)
/// D3 01001 online  20/03 10:00, due 25/03 17:00, open             → overdue (due before 1 April)
/// D4 01001 postal  28/03 10:00, due 05/04 17:00, open             → not overdue (due after March)
/// D5 01002 online  15/03 08:00, due 20/03 17:00, done 15/03 14:00 → on time, 0.25 day (360 min)
/// D6 01002 online  01/04 08:00, due 03/04 17:00, done 02/04 08:00 → on time, 1 day (1,440 min)
/// </code>
/// </summary>
internal static class HandMade
{
    public static readonly string[] Rows =
    [
        "D1,P1,01001,online,2025-03-03 08:00:00,2025-03-10 17:00:00,2025-03-05 08:00:00,done",
        "D2,P2,01001,counter,03/03/2025 09:00:00,05/03/2025 17:00:00,07/03/2025 09:00:00,done",
        "D3,P1,01001,online,2025-03-20T10:00:00,2025-03-25T17:00,,processing",
        "D4,P3,01001,postal,28/3/2025 10:00,5/4/2025 17:00,,processing",
        "D5,P1,01002,Online,2025-03-15 08:00:00,2025-03-20 17:00:00,2025-03-15 14:00:00,done",
        "D6,P3,01002,trực tuyến,2025-04-01 08:00:00,2025-04-03,2025-04-02 08:00:00,done",
    ];

    public static string File => ExportFiles.Header + "\n" + string.Join("\n", Rows) + "\n";
}
