using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenDti.Web.Tests.Web;

/// <summary>The one table writer behind every CSV and XLSX download.</summary>
public sealed class TableExportTests
{
    private static readonly TableExport Table = new(
        ["Mã", "Tên", "Điểm", "Thay đổi"],
        [
            ["25", "=cmd|' /C calc'!A0", 62.5, -3],
            ["01", "Thành phố Hà Nội, \"thủ đô\"", null, 2],
        ]);

    [Theory]
    [InlineData("=cmd", "'=cmd")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Tỉnh Phú Thọ", "Tỉnh Phú Thọ")]
    [InlineData("", "")]
    public void TextThatLooksLikeAFormula_GetsALeadingApostrophe(string text, string expected) =>
        Assert.Equal(expected, TableExport.Neutralise(text));

    [Fact]
    public void Csv_IsUtf8WithBom_QuotesWhereNeeded_NeutralisesText_ButNotNumbers()
    {
        var bytes = Table.ToCsv();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Mã,Tên,Điểm,Thay đổi", lines[0]);
        Assert.Equal("25,'=cmd|' /C calc'!A0,62.5,-3", lines[1]);
        Assert.Equal("01,\"Thành phố Hà Nội, \"\"thủ đô\"\"\",,2", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void Xlsx_WritesTextAsStringCells_AndNumbersAsNumbers()
    {
        using var stream = new MemoryStream(Table.ToXlsx("2025"));
        using var document = SpreadsheetDocument.Open(stream, false);

        var sheet = Assert.Single(document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("2025", sheet.Name?.Value);
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        var formula = rows[1].Elements<Cell>().ElementAt(1);
        Assert.Equal(CellValues.InlineString, formula.DataType?.Value);
        Assert.Null(formula.CellFormula);
        Assert.Equal("=cmd|' /C calc'!A0", formula.InnerText);
        var score = rows[1].Elements<Cell>().ElementAt(2);
        Assert.Equal(CellValues.Number, score.DataType?.Value);
        Assert.Equal("62.5", score.CellValue?.Text);
        Assert.Equal("Thay đổi", rows[0].Elements<Cell>().Last().InnerText);
    }
}
