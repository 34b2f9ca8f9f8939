using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Checks an XLSX file's zip structure before anything in it is unpacked: the number of parts (from the end
/// record, before the directory is even read), each part's declared unpacked size, the total, and the
/// compression ratio of large parts. .NET never unpacks a part past its declared size, so a file that passes
/// cannot unpack into more than <see cref="UploadLimits.MaxUnpackedBytes"/>, whatever its parts really hold.
/// </summary>
internal static class XlsxArchiveCheck
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const int EndOfDirectoryLength = 22;

    /// <summary>Null when the archive is within the limits; else what is wrong.</summary>
    public static ArchiveFault? Check(Stream stream, UploadLimits limits)
    {
        var parts = CountParts(stream);
        if (parts is null)
        {
            return new ArchiveFault(ArchiveFaultKind.NotZip, 0, null);
        }

        if (parts > limits.MaxParts)
        {
            return new ArchiveFault(ArchiveFaultKind.TooManyParts, parts.Value, null);
        }

        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUnpackedBytes)
                {
                    return new ArchiveFault(ArchiveFaultKind.TooBigUnpacked, total, entry.FullName);
                }

                if (entry.Length >= UploadLimits.RatioCheckedFrom && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    return new ArchiveFault(ArchiveFaultKind.Ratio, entry.Length / Math.Max(entry.CompressedLength, 1), entry.FullName);
                }
            }
        }
        catch (InvalidDataException)
        {
            return new ArchiveFault(ArchiveFaultKind.NotZip, 0, null);
        }
        finally
        {
            stream.Position = 0;
        }

        return null;
    }

    /// <summary>The entry count of the zip's end record (65,535 when the archive is a Zip64 one), or null when there is no end record.</summary>
    private static int? CountParts(Stream stream)
    {
        var tail = (int)Math.Min(stream.Length, EndOfDirectoryLength + ushort.MaxValue);
        if (tail < EndOfDirectoryLength)
        {
            return null;
        }

        var buffer = new byte[tail];
        stream.Position = stream.Length - tail;
        stream.ReadExactly(buffer);
        stream.Position = 0;
        for (var i = tail - EndOfDirectoryLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == EndOfDirectorySignature)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
            }
        }

        return null;
    }
}

internal enum ArchiveFaultKind
{
    NotZip,
    TooManyParts,
    TooBigUnpacked,
    Ratio,
}

/// <summary>What is wrong with an archive: the kind, the number found (parts, bytes or ratio) and the part.</summary>
internal sealed record ArchiveFault(ArchiveFaultKind Kind, long Found, string? Part)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}: {Found} {Part}");
}
