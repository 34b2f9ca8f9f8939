using System.IO.Compression;
using System.Text;
using OpenDti.Features.DataEntry;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>What an evidence file is, from its bytes (not its name), and the names it is kept under.</summary>
public sealed class EvidenceTypesTests
{
    [Fact]
    public void Pdf_IsAcceptedAsPdf()
    {
        var result = EvidenceTypes.Sniff(EvidenceSamples.Pdf);

        Assert.Equal("application/pdf", result.ContentType);
    }

    [Fact]
    public void Png_IsAcceptedAsPng()
    {
        var result = EvidenceTypes.Sniff(EvidenceSamples.Png);

        Assert.Equal("image/png", result.ContentType);
    }

    [Fact]
    public void Jpeg_IsAcceptedAsJpeg()
    {
        var result = EvidenceTypes.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']);

        Assert.Equal("image/jpeg", result.ContentType);
    }

    [Fact]
    public void OfficeWorkbook_IsAcceptedAsXlsx()
    {
        var result = EvidenceTypes.Sniff(EvidenceSamples.Xlsx());

        Assert.Equal(EvidenceTypes.Xlsx, result.ContentType);
    }

    [Fact]
    public void OfficeDocument_IsAcceptedAsDocx()
    {
        var result = EvidenceTypes.Sniff(EvidenceSamples.Office("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));

        Assert.Equal(EvidenceTypes.Docx, result.ContentType);
    }

    [Fact]
    public void MacroEnabledWorkbook_IsRefused()
    {
        var result = EvidenceTypes.Sniff(EvidenceSamples.Office("xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));

        Assert.False(result.IsAccepted);
        Assert.Equal("entry.found.a ZIP archive that is not a Word or Excel document (macro-enabled and template files are refused)", result.FoundKey);
    }

    [Fact]
    public void ContentTypesNamingAMissingPart_IsRefused()
    {
        var result = EvidenceTypes.Sniff(EvidenceSamples.Office("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", writePart: false));

        Assert.False(result.IsAccepted);
    }

    [Fact]
    public void PlainZip_IsRefused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("xin chào");
        }

        var result = EvidenceTypes.Sniff(buffer.ToArray());

        Assert.Equal("entry.found.a ZIP archive that is not a Word or Excel document", result.FoundKey);
    }

    [Fact]
    public void HugeContentTypes_IsNotReadWhole_AndRefused()
    {
        // A ZIP bomb in the one entry we read: 100 MB of spaces compress to ~100 KB; the read stops after 256 KB.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("[Content_Types].xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 100; i++)
            {
                stream.Write(spaces);
            }
        }

        var result = EvidenceTypes.Sniff(buffer.ToArray());

        Assert.False(result.IsAccepted);
        Assert.True(buffer.Length < EvidenceFiles.MaxBytes);
    }

    [Fact]
    public void Csv_IsAcceptedAsText()
    {
        var result = EvidenceTypes.Sniff(Encoding.UTF8.GetBytes("mã,tên,giá trị\n01,Thành phố Hà Nội,1234\n"));

        Assert.Equal("text/csv", result.ContentType);
    }

    [Fact]
    public void CsvWithByteOrderMark_IsAcceptedAsText()
    {
        var result = EvidenceTypes.Sniff([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a;b\r\n1;2\r\n")]);

        Assert.Equal("text/csv", result.ContentType);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("  \n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<?xml version=\"1.0\"?><a/>")]
    public void Markup_IsRefusedAsMarkup(string text)
    {
        var result = EvidenceTypes.Sniff(Encoding.UTF8.GetBytes(text));

        Assert.Equal("entry.found.HTML or XML markup", result.FoundKey);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00 }, "entry.found.a Windows program")]
    [InlineData(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1 }, "entry.found.a Linux program")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "entry.found.a GIF image")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "entry.found.an old Office file (DOC, XLS) or another compound file")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0x00 }, "entry.found.binary data or text that is not UTF-8")]
    [InlineData(new byte[] { (byte)'a', 0x00, (byte)'b' }, "entry.found.binary data or text that is not UTF-8")]
    [InlineData(new byte[] { }, "entry.found.an empty file")]
    public void OtherContent_IsRefusedWithWhatItIs(byte[] content, string found)
    {
        var result = EvidenceTypes.Sniff(content);

        Assert.False(result.IsAccepted);
        Assert.Equal(found, result.FoundKey);
    }

    [Fact]
    public void RefusedFile_ReportsItsFirstBytes()
    {
        var result = EvidenceTypes.Sniff(Encoding.ASCII.GetBytes("<html>hello</html>"));

        Assert.Equal("3C 68 74 6D 6C 3E 68 65", result.FirstBytes);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\an\\Báo cáo.pdf", "Báo cáo.pdf")]
    [InlineData("..", "evidence.pdf")]
    [InlineData("", "evidence.pdf")]
    [InlineData(null, "evidence.pdf")]
    [InlineData("bao-cao\u202Efdp.exe", "bao-caofdp.exe")] // the right-to-left override that hides ".exe"
    [InlineData("a\r\nb:c?.pdf", "abc.pdf")]
    [InlineData("  .hidden.pdf. ", "hidden.pdf")]
    [InlineData("Ba\u0301o ca\u0301o.pdf", "Báo cáo.pdf")] // decomposed accents come out NFC
    public void UploadedName_IsCleaned(string? uploaded, string expected)
    {
        Assert.Equal(expected, EvidenceFileName.Clean(uploaded, "PDF"));
    }

    [Fact]
    public void LongName_KeepsItsExtension()
    {
        var name = EvidenceFileName.Clean(new string('a', 300) + ".xlsx", "XLSX");

        Assert.Equal(EvidenceFileName.MaxLength, name.Length);
        Assert.EndsWith(".xlsx", name, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentDisposition_IsAnAttachment_WithUtf8AndAsciiNames()
    {
        var header = EvidenceFileName.ContentDisposition("Báo cáo \"quý\" 1.pdf");

        Assert.StartsWith("attachment; ", header, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22qu%C3%BD%22%201.pdf", header, StringComparison.Ordinal);
        Assert.Contains("filename=\"B_o c_o \\\"qu_\\\" 1.pdf\"", header, StringComparison.Ordinal);
    }
}
