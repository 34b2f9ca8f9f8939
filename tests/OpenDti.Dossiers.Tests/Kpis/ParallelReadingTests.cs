using System.Globalization;
using System.Text;
using FsCheck.Xunit;

namespace OpenDti.Dossiers.Tests.Kpis;

/// <summary>
/// Reading in parallel chunks gives exactly what reading sequentially gives, wherever the cuts fall: FsCheck
/// draws the file (from a seed), the chunk size and the thread count. Fixed replay seeds keep runs repeatable.
/// </summary>
public sealed class ParallelReadingTests : IDisposable
{
    private readonly ExportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Property(Replay = "(20260401,401)", MaxTest = 40)]
    public bool ParallelChunks_GiveTheSameRowsAsOneThread(int seed, byte chunk, byte threads)
    {
        var file = RandomExport(seed, rows: 300, quotedNewlines: false);

        var sequential = _files.Compute(file, threads: 1);
        var parallel = _files.Compute(file, threads: 2 + threads % 3, chunkBytes: 64 + chunk * 8);

        return !parallel.ReadSequentially && sequential.Rows.SequenceEqual(parallel.Rows) && sequential.ReplacedRows == parallel.ReplacedRows;
    }

    [Property(Replay = "(20260402,403)", MaxTest = 20)]
    public bool QuotedNewlines_GiveTheSameRows_ByFallingBackToOneThreadWhenACutSplitsThem(int seed, byte chunk)
    {
        var file = RandomExport(seed, rows: 200, quotedNewlines: true);

        var sequential = _files.Compute(file, threads: 1);
        var parallel = _files.Compute(file, threads: 2, chunkBytes: 64 + chunk * 4);

        return sequential.Rows.SequenceEqual(parallel.Rows);
    }

    [Fact]
    public void ACutInsideAQuotedNewline_IsDetected_AndTheFileReadAgainOnOneThread()
    {
        // One long quoted note with newlines in every row: small chunks must cut inside one.
        var file = RandomExport(7, rows: 100, quotedNewlines: true);

        var parallel = _files.Compute(file, threads: 2, chunkBytes: 100);

        Assert.True(parallel.ReadSequentially);
        Assert.Equal(_files.Compute(file, threads: 1).Rows, parallel.Rows);
    }

    [Fact]
    public void ProblemLines_AreTheFileLines_WhenReadInChunks()
    {
        var file = RandomExport(11, rows: 400, quotedNewlines: false).Split('\n').ToList();
        file[123] = file[123].Replace(",online,", ",fax,", StringComparison.Ordinal).Replace(",counter,", ",fax,", StringComparison.Ordinal).Replace(",postal,", ",fax,", StringComparison.Ordinal);
        file[345] = file[345].Replace("2025-", "2025/", StringComparison.Ordinal);

        var result = _files.Compute(string.Join('\n', file), threads: 2, chunkBytes: 256);

        Assert.False(result.ReadSequentially);
        Assert.Equal([124, 346], result.Problems.Select(p => p.Place.Row!.Value).Distinct());
    }

    /// <summary>Rows over three units and three procedures in two months, some ids repeated, a quoted note with commas (and newlines).</summary>
    internal static string RandomExport(int seed, int rows, bool quotedNewlines)
    {
        var random = new Random(seed);
        var text = new StringBuilder(ExportFiles.Header + ",note\n");
        string[] units = ["01001", "01002", "79"];
        string[] channels = ["online", "counter", "postal"];
        for (var i = 0; i < rows; i++)
        {
            var id = random.Next(4) == 0 ? $"D{random.Next(i + 1)}" : $"D{i}";
            var received = new DateTime(2025, 3, 1, 7, 0, 0, DateTimeKind.Unspecified).AddMinutes(random.Next(60 * 24 * 50));
            var due = received.AddDays(random.Next(1, 15));
            var finished = random.Next(5) == 0 ? "" : received.AddMinutes(random.Next(1, 60 * 24 * 20)).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
            var note = quotedNewlines ? $"\"Ghi chú, dòng một\nhai \"\"{i}\"\"\"" : random.Next(3) == 0 ? "\"Hồ sơ, bổ sung\"" : "không";
            text.Append(CultureInfo.InvariantCulture,
                $"{id},P{random.Next(1, 4)},{units[random.Next(units.Length)]},{channels[random.Next(channels.Length)]},{received:yyyy-MM-dd HH:mm:ss},{due:yyyy-MM-dd HH:mm:ss},{finished},{(finished.Length == 0 ? "đang xử lý" : "đã trả")},{note}\n");
        }

        return text.ToString();
    }
}
