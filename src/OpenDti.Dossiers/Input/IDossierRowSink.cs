namespace OpenDti.Dossiers.Input;

/// <summary>What the parser hands each row to: the KPI accumulator, or a collector of chosen rows.</summary>
internal interface IDossierRowSink
{
    /// <summary>The rows that follow are of chunk <paramref name="chunk"/> (line numbers count from its start).</summary>
    void BeginChunk(int chunk);

    void OnRow(in DossierRow row, int lineInChunk);

    /// <summary>A row that failed: every problem found in it, and its bytes as written.</summary>
    void OnRejected(int lineInChunk, IReadOnlyList<(string Code, string Column, string Expected, string? Found)> problems, ReadOnlySpan<byte> raw);
}
