using System.ComponentModel.DataAnnotations;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// How big an uploaded template may be, before and after unpacking. Section "Upload". An XLSX file is a zip
/// archive: its parts are checked from the archive's directory (count, declared sizes, compression ratio)
/// before anything is unpacked, and no part is ever unpacked past its declared size, so a small file cannot
/// unpack into gigabytes (a "zip bomb").
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Upload";

    /// <summary>The largest file accepted, in bytes (20 MB: a province's 3,000 communes fill about 1 MB).</summary>
    [Range(1024, 1L << 30)]
    public long MaxBytes { get; set; } = 20L << 20;

    /// <summary>The most parts (zip entries) in an XLSX file; Excel writes about 15.</summary>
    [Range(10, 10_000)]
    public int MaxParts { get; set; } = 200;

    /// <summary>The most bytes all the parts of an XLSX file may unpack to.</summary>
    [Range(1L << 20, 1L << 34)]
    public long MaxUnpackedBytes { get; set; } = 100L << 20;

    /// <summary>
    /// The highest compression ratio of a part larger than <see cref="RatioCheckedFrom"/> bytes. Worksheets
    /// compress 10–40 times; a bomb compresses a thousand times or more.
    /// </summary>
    [Range(10, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Parts smaller than this are not held to <see cref="MaxCompressionRatio"/>: however well they compress, they are small.</summary>
    public const long RatioCheckedFrom = 1L << 20;
}
