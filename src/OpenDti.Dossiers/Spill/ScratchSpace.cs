using Microsoft.Win32.SafeHandles;

namespace OpenDti.Dossiers.Spill;

/// <summary>
/// The temporary files of one computation, in a folder of their own under the chosen temporary folder
/// (<see cref="Kpis.DossierKpiOptions.TempDirectory"/>, else the system's), removed with everything in it
/// when disposed. What the engine holds per dossier lives here rather than in memory, so memory does not grow
/// with the file; the disk needs about half the input's size. A failed write (a full disk, most often)
/// becomes a <see cref="ScratchSpaceException"/> that says where and what to do.
/// </summary>
internal sealed class ScratchSpace : IDisposable
{
    private readonly List<SafeFileHandle> _files = [];
    private int _next;

    public ScratchSpace(string? parent)
    {
        Parent = Path.GetFullPath(parent ?? Path.GetTempPath());
        Folder = Path.Combine(Parent, "opendti-dossiers-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScratchSpaceException(Parent, e);
        }
    }

    /// <summary>The folder given (or the system's temporary folder).</summary>
    public string Parent { get; }

    /// <summary>This computation's own folder inside <see cref="Parent"/>.</summary>
    public string Folder { get; }

    public SafeFileHandle NewFile(string name)
    {
        var path = Path.Combine(Folder, $"{Interlocked.Increment(ref _next)}-{name}");
        try
        {
            var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
            lock (_files)
            {
                _files.Add(file);
            }

            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScratchSpaceException(Parent, e);
        }
    }

    public void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset)
    {
        try
        {
            RandomAccess.Write(file, bytes, offset);
        }
        catch (IOException e)
        {
            throw new ScratchSpaceException(Parent, e);
        }
    }

    /// <summary>Reads <paramref name="into"/>'s length from <paramref name="offset"/>: bytes this computation wrote there.</summary>
    public static void ReadExactly(SafeFileHandle file, Span<byte> into, long offset)
    {
        for (var read = 0; read < into.Length;)
        {
            var n = RandomAccess.Read(file, into[read..], offset + read);
            if (n == 0)
            {
                throw new IOException("Tệp tạm ngắn hơn số byte đã ghi vào; có chương trình khác sửa nó? / A temporary file ended before the bytes written to it; was it changed by another program?");
            }

            read += n;
        }
    }

    /// <summary>Closes a file before the end (its bytes are no longer needed), which removes it.</summary>
    public void Delete(SafeFileHandle file)
    {
        lock (_files)
        {
            _files.Remove(file);
        }

        file.Dispose();
    }

    public void Dispose()
    {
        lock (_files)
        {
            foreach (var file in _files)
            {
                file.Dispose();
            }

            _files.Clear();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>The temporary files could not be written: the message names the folder and the way out.</summary>
public sealed class ScratchSpaceException(string folder, Exception inner) : IOException(
    $"Không ghi được tệp tạm vào {folder} ({inner.Message}): giải phóng chỗ trống ở đó hoặc chọn thư mục khác bằng --temp-dir; " +
    $"cần khoảng một nửa dung lượng tệp vào. / Could not write temporary files in {folder} ({inner.Message}): free space there " +
    "or choose another folder with --temp-dir; about half the input file's size is needed. Nothing was written.", inner)
{
    public string Folder { get; } = folder;
}
