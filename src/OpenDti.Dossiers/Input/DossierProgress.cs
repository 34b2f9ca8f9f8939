namespace OpenDti.Dossiers.Input;

/// <summary>How far a read has got, updated by the reading threads after each chunk; poll it to show progress.</summary>
public sealed class DossierProgress
{
    private long _bytes;
    private long _rows;

    public long TotalBytes { get; internal set; }

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Physical lines read (rows, and the extra lines of quoted newlines).</summary>
    public long Lines => Interlocked.Read(ref _rows);

    internal void Add(long bytes, long lines)
    {
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Add(ref _rows, lines);
    }

    internal void Reset()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _rows, 0);
    }
}
