using System.Diagnostics;
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
    public bool ManyPartitions_AndMediansInSmallPasses_GiveTheSameRows(int seed, byte bits, byte perPass)
    {
        var file = ParallelReadingTests.RandomExport(seed, rows: 400, quotedNewlines: false);

        var whole = _files.Compute(file, threads: 1);
        var cut = _files.Compute(file, threads: 2, chunkBytes: 512, adjust: o => o with
        {
            Partitions = new RowPartitions(bits % 7),
            MinutesPerPass = 1 + perPass % 40,
        });

        return whole.ReplacedRows > 0 && whole.Rows.SequenceEqual(cut.Rows) && whole.ReplacedRows == cut.ReplacedRows;
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
}
