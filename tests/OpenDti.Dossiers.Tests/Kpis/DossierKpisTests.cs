using OpenDti.Dossiers.Kpis;

namespace OpenDti.Dossiers.Tests.Kpis;

public sealed class DossierKpisTests : IDisposable
{
    private readonly ExportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Commune_March_HasEveryKpiAsWorkedOutByHand()
    {
        var row = Row(_files.Compute(HandMade.File), "01001", "2025-03");

        // D1–D4: 2 online of 4; D1, D2 resolved, D1 on time; D3 overdue; (2 + 4) / 2 days; median of 2 and 4 days.
        Assert.Equal(4, row.Received);
        Assert.Equal(2, row.ReceivedOnline);
        Assert.Equal(0.5, row.OnlineShare);
        Assert.Equal(2, row.Resolved);
        Assert.Equal(1, row.ResolvedOnTime);
        Assert.Equal(0.5, row.OnTimeShare);
        Assert.Equal(1, row.OverdueOpen);
        Assert.Equal(3.0, row.AverageProcessingDays);
        Assert.Equal(3.0, row.MedianProcessingDays);
        // P1 had online dossiers (D1, D3); P3 only a postal one (D4).
        Assert.Equal(2, row.FullOnlineProcedures);
        Assert.Equal(1, row.FullOnlineProceduresWithOnlineDossier);
        Assert.Equal(0.5, row.FullOnlineShare);
    }

    [Fact]
    public void Province_RollsUpItsCommunes_MonthByMonth()
    {
        var result = _files.Compute(HandMade.File);
        var march = Row(result, "01", "2025-03");
        var april = Row(result, "01", "2025-04");

        // March: D1–D5. 3 online of 5; D1, D2, D5 resolved, 2 on time; (2 + 4 + 0.25) / 3 days; median of 0.25, 2, 4 is 2.
        Assert.Equal((5, 3, 0.6, 3, 2, 1), (march.Received, march.ReceivedOnline, march.OnlineShare, march.Resolved, march.ResolvedOnTime, march.OverdueOpen));
        Assert.Equal(2.0 / 3, march.OnTimeShare);
        Assert.Equal(6.25 / 3, march.AverageProcessingDays);
        Assert.Equal(2.0, march.MedianProcessingDays);
        // April: D6 alone, one day, P3 online.
        Assert.Equal((1, 1, 1, 1, 1.0, 1.0), (april.Received, april.Resolved, april.ResolvedOnTime, april.FullOnlineProceduresWithOnlineDossier, april.AverageProcessingDays, april.MedianProcessingDays));
    }

    [Fact]
    public void WholeFileRows_TakeTheMedianOverAllMonths_AndCountEachProcedureOnce()
    {
        var result = _files.Compute(HandMade.File);
        var province = Row(result, "01", "all");
        var nation = Row(result, "VN", "all");

        // 360, 1,440, 2,880, 5,760 minutes: median (1,440 + 2,880) / 2 = 2,160 min = 1.5 days; mean (0.25 + 1 + 2 + 4) / 4.
        Assert.Equal(1.5, province.MedianProcessingDays);
        Assert.Equal(7.25 / 4, province.AverageProcessingDays);
        Assert.Equal((6, 4, 4, 3), (province.Received, province.ReceivedOnline, province.Resolved, province.ResolvedOnTime));
        Assert.Equal(1.0, province.FullOnlineShare);
        Assert.Equal(province with { UnitCode = "VN" }, nation);
    }

    [Fact]
    public void OpenDossiers_HaveNoProcessingTime_AndSharesOfNothingAreEmpty()
    {
        // Due in June: still open, but not late by the end of May.
        var file = ExportFiles.Header + "\nD9,P2,01002,counter,2025-05-02 08:00:00,2025-06-09 17:00:00,,processing\n";

        var row = Row(_files.Compute(file), "01002", "2025-05");

        Assert.Equal((1, 0, 0.0), (row.Received, row.Resolved, row.OnlineShare!.Value));
        Assert.Null(row.OnTimeShare);
        Assert.Null(row.AverageProcessingDays);
        Assert.Null(row.MedianProcessingDays);
        Assert.Equal(0, row.OverdueOpen);
    }

    [Fact]
    public void FinishedExactlyAtTheDueTime_IsOnTime()
    {
        var file = ExportFiles.Header + "\nD1,P1,01001,online,2025-03-03 08:00:00,2025-03-05 17:00:00,05/03/2025 17:00:00,done\n";

        var row = Row(_files.Compute(file), "01001", "2025-03");

        Assert.Equal(1, row.ResolvedOnTime);
    }

    [Fact]
    public void ByteOrderMark_ChangesNothing()
    {
        var withBom = _files.Compute(HandMade.File, bom: true);
        var without = _files.Compute(HandMade.File, bom: false);

        Assert.Equal(without.Rows, withBom.Rows);
    }

    [Fact]
    public void ShuffledColumns_WithVietnameseNamesAndAnExtraColumn_GiveTheSameKpis()
    {
        // Columns reversed, named in Vietnamese, with the procedure's name (commas, a newline, quotes) in between.
        var header = "trạng thái,Ngày hoàn thành,Ngày hẹn trả,tên thủ tục,Ngày tiếp nhận,Kênh nộp,Mã đơn vị,Mã thủ tục,Mã hồ sơ";
        var rows = HandMade.Rows.Select(r =>
        {
            var f = r.Split(',');
            return $"{f[7]},{f[6]},{f[5]},\"Cấp giấy phép, \"\"mẫu\"\"\nxây dựng\",{f[4]},{f[3]},{f[2]},{f[1]},{f[0]}";
        });
        var shuffled = header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

        var result = _files.Compute(shuffled);

        Assert.Empty(result.Problems);
        Assert.Equal(_files.Compute(HandMade.File).Rows, result.Rows);
    }

    [Fact]
    public void ADossierGivenTwice_CountsOnce_AsItsLastRowSays()
    {
        // D3 is exported again, now resolved on 27/03 (7 days after 20/03 10:00, late).
        var file = HandMade.File + "D3,P1,01001,online,2025-03-20 10:00:00,2025-03-25 17:00:00,2025-03-27 10:00:00,done\n";

        var result = _files.Compute(file);
        var row = Row(result, "01001", "2025-03");

        Assert.Equal(1, result.ReplacedRows);
        Assert.Equal((4, 3, 1, 0), (row.Received, row.Resolved, row.ResolvedOnTime, row.OverdueOpen));
        // 2, 4 and 7 days.
        Assert.Equal(13.0 / 3, row.AverageProcessingDays);
        Assert.Equal(4.0, row.MedianProcessingDays);
    }

    [Fact]
    public void ADossierMovedToTheCounter_LosesItsOnlineMark_WhenNoOtherOnlineDossierHasIt()
    {
        // D6 (the only online P3 dossier of 01002) re-exported as received at the counter.
        var file = HandMade.File + "D6,P3,01002,counter,2025-04-01 08:00:00,2025-04-03,2025-04-02 08:00:00,done\n";

        var april = Row(_files.Compute(file), "01002", "2025-04");

        Assert.Equal((1, 0, 0), (april.Received, april.ReceivedOnline, april.FullOnlineProceduresWithOnlineDossier));
    }

    [Fact]
    public void UnitsMissingFromTheHierarchy_RollUpIntoTheNation_AndAreNamed()
    {
        var file = HandMade.File + "D7,P1,79001,online,2025-03-03 08:00:00,2025-03-10 17:00:00,2025-03-04 08:00:00,done\n";

        var result = _files.Compute(file);

        Assert.Equal(["79001"], result.UnitsOutsideHierarchy);
        Assert.Equal(7, Row(result, "VN", "all").Received);
        Assert.Equal(6, Row(result, "01", "all").Received);
    }

    internal static KpiRow Row(DossierKpiResult result, string unit, string month) =>
        Assert.Single(result.Rows, r => r.UnitCode == unit && r.Month == month);
}
