using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Tests.Input;

public sealed class DossierHeaderTests
{
    [Fact]
    public void VietnameseNames_WithDiacriticsCaseAndSpaces_FindTheirFields()
    {
        var names = new[] { "Mã hồ sơ", "MÃ THỦ TỤC", "mã_đơn_vị", "Kênh", "Ngày tiếp nhận", "ngay_hen_tra", "Ngày hoàn thành", "Trạng thái", "Người nộp" };

        var (header, problems) = DossierHeader.Map(names, "x.csv");

        Assert.Empty(problems);
        Assert.Equal(Enumerable.Range(0, 8), Enum.GetValues<DossierField>().Select(header!.IndexOf));
        Assert.Equal(9, header.ColumnCount);
    }

    [Fact]
    public void TwoColumnsForOneField_IsAProblem()
    {
        var names = new[] { "dossier_id", "ma_ho_so", "procedure_code", "unit_code", "channel", "received_at", "due_at", "finished_at", "status" };

        var (header, problems) = DossierHeader.Map(names, "x.csv");

        Assert.Null(header);
        var problem = Assert.Single(problems);
        Assert.Equal(("dossiers.duplicate-column", "ma_ho_so", "dossier_id, ma_ho_so"), (problem.Code, problem.Place.Column, problem.Found));
    }
}
