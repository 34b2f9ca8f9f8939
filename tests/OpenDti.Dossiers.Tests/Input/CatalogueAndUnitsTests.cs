using System.Text;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Tests.Input;

public sealed class CatalogueAndUnitsTests
{
    [Fact]
    public void Catalogue_ReadsQuotedVietnameseNames_AndBothWaysOfNamingLevels()
    {
        var catalogue = ExportFiles.LoadCatalogue();

        Assert.Equal("Cấp giấy phép xây dựng, sửa chữa nhà ở", catalogue.Procedures["P1"].Name);
        Assert.Equal([ServiceLevel.Full, ServiceLevel.Partial, ServiceLevel.Full], catalogue.Procedures.Values.Select(p => p.Level));
        Assert.Equal(2, catalogue.FullOnlineCount);
    }

    [Fact]
    public void Catalogue_UnknownLevel_IsNamedWithItsLine()
    {
        var text = "mã thủ tục,tên thủ tục,mức độ\nP1,\"Tên, có dấu phẩy\nhai dòng\",toàn trình\nP2,B,level 5\n";

        var (catalogue, problems) = ProcedureCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), "cat.csv");

        Assert.Null(catalogue);
        var problem = Assert.Single(problems);
        Assert.Equal(("dossiers.unknown-service-level", 4, "service_level", "level 5"), (problem.Code, problem.Place.Row!.Value, problem.Place.Column!, problem.Found!));
    }

    [Fact]
    public void Units_ChainUpToTheNation()
    {
        var units = ExportFiles.LoadUnits();

        Assert.Equal(["01001", "01", "VN"], units.Chain("01001"));
        Assert.Equal(["79001", "VN"], units.Chain("79001"));
    }

    [Fact]
    public void Units_ACycle_IsRefused()
    {
        var text = "code,parent_code\n01,02\n02,01\n";

        var (units, problems) = UnitHierarchy.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), "units.csv");

        Assert.Null(units);
        Assert.Contains(problems, p => p.Code == "dossiers.unit-cycle");
    }
}
