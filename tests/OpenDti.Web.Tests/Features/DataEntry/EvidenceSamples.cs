using System.IO.Compression;
using System.Text;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>Small files of each kind, made here rather than committed.</summary>
internal static class EvidenceSamples
{
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png { get; } = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static byte[] Html { get; } = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>fetch('/data')</script></body></html>");

    public static byte[] Csv { get; } = Encoding.UTF8.GetBytes("mã,giá trị\n01,1234\n");

    /// <summary>A workbook as far as the sniffer looks: a ZIP with the content types and the workbook part.</summary>
    public static byte[] Xlsx() => Office("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");

    /// <summary>A ZIP whose [Content_Types].xml names <paramref name="part"/> with <paramref name="contentType"/>.</summary>
    public static byte[] Office(string part, string contentType, bool writePart = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/{part}" ContentType="{contentType}"/>
                </Types>
                """);
            if (writePart)
            {
                Write(zip, part, "<?xml version=\"1.0\"?><workbook/>");
            }
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
