using System.IO.Compression;
using System.Text;
using System.Xml;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// Decides what an evidence file is from its bytes — never from the name or what the browser claims — and
/// accepts only PDF, PNG, JPEG, XLSX, DOCX and plain UTF-8 text (CSV). An XLSX or DOCX is a ZIP whose
/// <c>[Content_Types].xml</c> names the workbook or document main part (macro-enabled and template variants
/// are refused); that one entry is read, at most <see cref="MaxContentTypesBytes"/>, so a ZIP bomb costs
/// nothing. What is refused is described ("HTML or XML markup", "a Windows program") for the message.
/// </summary>
public static class EvidenceTypes
{
    /// <summary>The most of <c>[Content_Types].xml</c> that is read (real ones are a few kilobytes).</summary>
    public const int MaxContentTypesBytes = 256 * 1024;

    /// <summary>The content type of an XLSX workbook.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The content type of a DOCX document.</summary>
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>What is accepted, for messages.</summary>
    public const string Allowed = "PDF, PNG, JPEG, XLSX, DOCX, CSV (UTF-8)";

    private static readonly (byte[] Magic, string Found)[] Refused =
    [
        ("GIF8"u8.ToArray(), "entry.found.a GIF image"),
        ("MZ"u8.ToArray(), "entry.found.a Windows program"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "entry.found.a Linux program"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "entry.found.an old Office file (DOC, XLS) or another compound file"),
        ("Rar!"u8.ToArray(), "entry.found.a RAR archive"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF], "entry.found.a 7-Zip archive"),
        ([0x1F, 0x8B], "entry.found.a gzip archive"),
        ("{\\rtf"u8.ToArray(), "entry.found.an RTF document"),
    ];

    /// <summary>Sniffs <paramref name="content"/>.</summary>
    public static SniffResult Sniff(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReadOnlySpan<byte> bytes = content;
        if (bytes.IsEmpty)
        {
            return SniffResult.Refuse("entry.found.an empty file", bytes);
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return SniffResult.Accept("application/pdf", "PDF");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SniffResult.Accept("image/png", "PNG");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SniffResult.Accept("image/jpeg", "JPEG");
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return SniffOffice(content);
        }

        foreach (var (magic, found) in Refused)
        {
            if (bytes.StartsWith(magic))
            {
                return SniffResult.Refuse(found, bytes);
            }
        }

        return SniffText(bytes);
    }

    private static SniffResult SniffOffice(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var types = archive.GetEntry("[Content_Types].xml");
            if (types is null)
            {
                return SniffResult.Refuse("entry.found.a ZIP archive that is not a Word or Excel document", content);
            }

            using var stream = types.Open();
            var buffer = new byte[MaxContentTypesBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            if (read > MaxContentTypesBytes)
            {
                return SniffResult.Refuse("entry.found.a ZIP archive that is not a Word or Excel document", content);
            }

            foreach (var (partName, contentType) in Overrides(buffer.AsMemory(0, read)))
            {
                var kind = contentType switch
                {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" => (Type: Xlsx, Name: "XLSX"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" => (Type: Docx, Name: "DOCX"),
                    _ => default,
                };
                if (kind.Type is not null && archive.GetEntry(partName.TrimStart('/')) is not null)
                {
                    return SniffResult.Accept(kind.Type, kind.Name);
                }
            }

            return SniffResult.Refuse("entry.found.a ZIP archive that is not a Word or Excel document (macro-enabled and template files are refused)", content);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return SniffResult.Refuse("entry.found.a damaged ZIP archive", content);
        }
    }

    private static List<(string PartName, string ContentType)> Overrides(ReadOnlyMemory<byte> xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxContentTypesBytes,
            IgnoreComments = true,
        };
        using var reader = XmlReader.Create(new MemoryStream(xml.ToArray(), writable: false), settings);
        var found = new List<(string PartName, string ContentType)>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Override"
                && reader.GetAttribute("PartName") is { } part && reader.GetAttribute("ContentType") is { } type)
            {
                found.Add((part, type));
            }
        }

        return found;
    }

    private static SniffResult SniffText(ReadOnlySpan<byte> bytes)
    {
        var body = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return SniffResult.Refuse("entry.found.binary data or text that is not UTF-8", bytes);
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            return SniffResult.Refuse("entry.found.binary data or text that is not UTF-8", bytes);
        }

        var start = text.TrimStart();
        if (start.Length == 0)
        {
            return SniffResult.Refuse("entry.found.an empty file", bytes);
        }

        // A browser given this file on its own would render it; CSV never starts with markup.
        return start[0] == '<'
            ? SniffResult.Refuse("entry.found.HTML or XML markup", bytes)
            : SniffResult.Accept("text/csv", "CSV");
    }
}

/// <summary>
/// What <see cref="EvidenceTypes.Sniff"/> decided: the accepted content type and its short name, or the
/// resource key describing what was found, with the file's first bytes in hex.
/// </summary>
public sealed record SniffResult(string? ContentType, string? Name, string? FoundKey, string? FirstBytes)
{
    /// <summary>True when the file is of an accepted type.</summary>
    public bool IsAccepted => ContentType is not null;

    internal static SniffResult Accept(string contentType, string name) => new(contentType, name, null, null);

    internal static SniffResult Refuse(string foundKey, ReadOnlySpan<byte> bytes) =>
        new(null, null, foundKey, string.Join(' ', Convert.ToHexString(bytes[..Math.Min(bytes.Length, 8)]).Chunk(2).Select(pair => new string(pair))));
}
