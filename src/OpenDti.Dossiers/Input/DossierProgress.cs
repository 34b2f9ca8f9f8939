namespace OpenDti.Dossiers.Input;

/// <summary>
/// How far a read has got, updated by the reading threads after each chunk, and which step follows the read
/// (with how far it is, when that is known); poll it to show progress.
/// </summary>
public sealed class DossierProgress
{
    private long _bytes;
    private long _rows;
    private string? _stage;
    private long _stageDone;
    private long _stageTotal;

    public long TotalBytes { get; internal set; }

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Physical lines read (rows, and the extra lines of quoted newlines).</summary>
    public long Lines => Interlocked.Read(ref _rows);

    /// <summary>The step after the read, in Vietnamese / English; null while the file is first read.</summary>
    public string? Stage => Volatile.Read(ref _stage);

    public long StageDone => Interlocked.Read(ref _stageDone);

    /// <summary>Steps of the stage; 0 when not counted.</summary>
    public long StageTotal => Interlocked.Read(ref _stageTotal);

    internal void BeginStage(string stage, long total)
    {
        Interlocked.Exchange(ref _stageDone, 0);
        Interlocked.Exchange(ref _stageTotal, total);
        Volatile.Write(ref _stage, stage);
    }

    internal void AdvanceStage() => Interlocked.Increment(ref _stageDone);

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
