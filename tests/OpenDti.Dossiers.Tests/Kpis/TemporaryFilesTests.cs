using System.Diagnostics;
using System.Globalization;
using FsCheck.Xunit;
using OpenDti.Dossiers.Kpis;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Tests.Kpis;

/// <summary>
/// What the engine keeps per dossier goes to temporary files, so memory stays flat however large the file:
/// the rows by the hash of their dossier id, in partitions read back one at a time, and the minutes of the
/// resolved dossiers, sorted a range at a time for the medians. The results must not depend on how many
/// partitions or passes that takes; the files go where they are told and are gone afterwards; a full disk is
/// said plainly and writes nothing.
/// </summary>
public sealed class TemporaryFilesTests : IDisposable
{
    private readonly ExportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Property(Replay = "(20261206,1207)", MaxTest = 30)]
    public bool ManyPartitions_AndMediansInSmallPasses_GiveWhatTheLastRowOfEachDossierSays(int seed, byte bits, byte perPass)
    {
        var file = ParallelReadingTests.RandomExport(seed, rows: 400, quotedNewlines: false);

        var whole = _files.Compute(file, threads: 1);
        var cut = _files.Compute(file, threads: 2, chunkBytes: 512, adjust: o => o with
        {
            Partitions = new RowPartitions(bits % 7),
            MinutesPerPass = 1 + perPass % 40,
        });

        var expected = LastRowsByHand(file);
        return whole.ReplacedRows > 0 && whole.Rows.SequenceEqual(cut.Rows) && whole.ReplacedRows == cut.ReplacedRows
            && expected.All(e => cut.Rows.Single(r => r.UnitCode == e.Unit && r.Month == e.Month) is var row
                && (row.Received, row.ReceivedOnline, row.Resolved, row.ResolvedOnTime, row.OverdueOpen, row.MedianProcessingDays)
                    == (e.Received, e.Online, e.Resolved, e.OnTime, e.OverdueOpen, e.MedianDays));
    }

    [Fact]
    public void TemporaryFiles_GoToTheFolderGiven_AndAreGoneAfterwards_AlsoWhenTheFileIsRefused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_files.Directory, "scratch")).FullName;
        var file = ParallelReadingTests.RandomExport(5, rows: 200, quotedNewlines: false);

        var done = _files.Compute(file, adjust: o => o with { TempDirectory = folder });
        var refused = _files.Compute(file.Replace("2025-04-", "2025-13-", StringComparison.Ordinal), adjust: o => o with { TempDirectory = folder });

        Assert.NotEmpty(done.Rows);
        Assert.True(refused.ProblemCount > 0);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void ManyRejectedRows_AreWrittenBesideInTheFilesOrder_FromDisk_WhileTheMessageKeepsTheFirstProblems()
    {
        var lines = ParallelReadingTests.RandomExport(13, rows: 3_000, quotedNewlines: false).Split('\n').ToList();
        var bad = Enumerable.Range(1, lines.Count - 2).Where(n => n % 7 == 0).ToList();
        foreach (var n in bad)
        {
            lines[n] = lines[n].Replace(",online,", ",fax,", StringComparison.Ordinal).Replace(",counter,", ",fax,", StringComparison.Ordinal).Replace(",postal,", ",fax,", StringComparison.Ordinal);
        }

        var result = _files.Compute(string.Join('\n', lines), skipInvalid: true, threads: 2, chunkBytes: 4096, adjust: o => o with { MaxProblems = 10 });

        Assert.False(result.ReadSequentially);
        Assert.Equal(bad.Count, result.RejectedRows);
        Assert.Equal(10, result.Problems.Count);
        var written = File.ReadAllLines(result.RejectedRowsPath!).Skip(1).ToList();
        Assert.Equal(bad.Select(n => n + 1), written.Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(written, l => Assert.Contains("fax", l, StringComparison.Ordinal));
    }

    [Fact]
    public void ATemporaryFolderThatCannotBeUsed_IsNamed_WithWhatToDo()
    {
        var notAFolder = _files.Write("not-a-folder", "x");

        var error = Assert.Throws<ScratchSpaceException>(() => _files.Compute(ParallelReadingTests.RandomExport(5, rows: 20, quotedNewlines: false),
            adjust: o => o with { TempDirectory = notAFolder }));

        Assert.Equal(notAFolder, error.Folder);
        Assert.Contains("--temp-dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFullDisk_StopsTheKpisWithWhatToDo_AndLeavesNothingBehind()
    {
        if (!(OperatingSystem.IsLinux() && Environment.UserName == "root"))
        {
            const string message = "filling a disk needs a tmpfs mounted by root; run the tests as root (CI does).";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message + " CI=true, so this fails rather than skips.");
            Assert.Skip(message);
        }

        var tiny = Directory.CreateDirectory(Path.Combine(_files.Directory, "tiny")).FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", tiny);
        try
        {
            // About 70 bytes a row on disk: 20,000 rows need some 1.4 MB, more than the 256 KB there is.
            var file = ParallelReadingTests.RandomExport(9, rows: 20_000, quotedNewlines: false);

            var error = Assert.Throws<ScratchSpaceException>(() => _files.Compute(file, threads: 2, chunkBytes: 64 << 10, adjust: o => o with { TempDirectory = tiny }));

            Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
            Assert.Contains("--temp-dir", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(tiny));
        }
        finally
        {
            Run("umount", tiny);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }

    /// <summary>
    /// The leaf units' monthly counts and medians worked out the plain way: the last row of each id, the minutes of
    /// the resolved ones sorted, the middle one (or the mean of the two).
    /// </summary>
    private static List<(string Unit, string Month, long Received, long Online, long Resolved, long OnTime, long OverdueOpen, double? MedianDays)> LastRowsByHand(string file)
    {
        var last = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in file.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            last[fields[0]] = fields;
        }

        return [.. last.Values
            .Select(f => (Unit: f[2], Online: f[3] == "online", Received: Time(f[4]), Due: Time(f[5]), Finished: f[6].Length == 0 ? (DateTime?)null : Time(f[6])))
            .GroupBy(d => (d.Unit, Month: d.Received.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .Select(g =>
            {
                var minutes = g.Where(d => d.Finished is not null).Select(d => (long)(d.Finished!.Value - d.Received).TotalSeconds / 60).Order().ToList();
                double? median = minutes.Count == 0 ? null : (minutes[(minutes.Count - 1) / 2] + minutes[minutes.Count / 2]) / 2.0 / 1440;
                var nextMonth = new DateTime(g.First().Received.Year, g.First().Received.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
                return (g.Key.Unit, g.Key.Month, (long)g.Count(), (long)g.Count(d => d.Online), (long)minutes.Count,
                    (long)g.Count(d => d.Finished is { } f && f <= d.Due), (long)g.Count(d => d.Finished is null && d.Due < nextMonth), median);
            })];

        static DateTime Time(string text) => DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
