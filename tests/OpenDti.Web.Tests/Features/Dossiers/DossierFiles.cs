namespace OpenDti.Web.Tests.Features.Dossiers;

/// <summary>Small dossier exports of Hà Nội (01) and Thành phố Hồ Chí Minh (79), September 2025.</summary>
internal static class DossierFiles
{
    public const string Header = "dossier_id,procedure_code,unit_code,channel,received_at,due_at,finished_at,status";

    /// <summary>
    /// 01: HS-1 online, finished before due (resolved on time); HS-2 at the counter, open and due 12/9 (overdue by
    /// the end of September). 79: HS-3 online, finished after due. So 01 in 2025-09: received 2, online 1,
    /// resolved 1, on time 1, overdue open 1.
    /// </summary>
    public const string First = Header + """

        HS-0001,1.001234,01,online,2025-09-02 08:00:00,2025-09-10 17:00:00,2025-09-09 10:00:00,Đã trả kết quả
        HS-0002,1.001234,01,counter,05/09/2025 08:30,2025-09-12 17:00:00,,Đang xử lý
        HS-0003,2.000567,79,online,2025-09-05 09:00:00,2025-09-20 17:00:00,2025-09-25 10:00:00,"Trễ hạn, đã trả"
        """;

    /// <summary>
    /// A later export of 01: HS-0002 now finished on time, HS-0004 new, open and due in October (not overdue). So 01
    /// in 2025-09: received 3, online 1, resolved 2, on time 2, overdue open 0.
    /// </summary>
    public const string Later = Header + """

        HS-0002,1.001234,01,counter,05/09/2025 08:30,2025-09-12 17:00:00,2025-09-11 15:00:00,Đã trả kết quả
        HS-0004,1.001234,01,postal,2025-09-20 08:00:00,2025-10-15 17:00:00,,Đang xử lý
        """;

    /// <summary>Line 3 has a date that does not exist in its received_at column.</summary>
    public const string Malformed = Header + """

        HS-0001,1.001234,01,online,2025-09-02 08:00:00,2025-09-10 17:00:00,2025-09-09 10:00:00,Đã trả kết quả
        HS-0002,1.001234,01,counter,31/02/2025 08:30,2025-09-12 17:00:00,,Đang xử lý
        HS-0005,1.001234,01,counter,2025-09-06 08:30,2025-09-12 17:00:00,,Đang xử lý
        """;

    /// <summary>Only Hà Nội's dossiers of <see cref="First"/>.</summary>
    public const string HaNoiOnly = Header + """

        HS-0001,1.001234,01,online,2025-09-02 08:00:00,2025-09-10 17:00:00,2025-09-09 10:00:00,Đã trả kết quả
        HS-0002,1.001234,01,counter,05/09/2025 08:30,2025-09-12 17:00:00,,Đang xử lý
        """;
}
