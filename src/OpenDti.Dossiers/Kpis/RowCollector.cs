using System.Text;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>Decides from a row's bytes whether to keep it.</summary>
internal delegate bool RowFilter(in DossierRow row);

/// <summary>A row kept by a <see cref="RowCollector"/>, with strings, and its place in the file.</summary>
internal sealed record CollectedRow(string Id, int Chunk, int LineInChunk, string Unit, string Procedure, Channel Channel, long ReceivedAt, long DueAt, long FinishedAt)
{
    public (int Chunk, int Line) Position => (Chunk, LineInChunk);

    public int Month => LocalTime.MonthNumber(ReceivedAt);
}

/// <summary>Keeps the valid rows a filter picks (the rows of repeated dossiers, for the second read); ignores invalid rows.</summary>
internal sealed class RowCollector(RowFilter filter) : IDossierRowSink
{
    private int _chunk;

    public List<CollectedRow> Rows { get; } = [];

    public void BeginChunk(int chunk) => _chunk = chunk;

    public void OnRow(in DossierRow row, int lineInChunk)
    {
        if (!filter(row))
        {
            return;
        }

        Rows.Add(new CollectedRow(Encoding.UTF8.GetString(row.Id), _chunk, lineInChunk, Encoding.UTF8.GetString(row.Unit),
            Encoding.UTF8.GetString(row.Procedure), row.Channel, row.ReceivedAt, row.DueAt, row.FinishedAt));
    }

    public void OnRejected(int lineInChunk, IReadOnlyList<(string Code, string Column, string Expected, string? Found)> problems, ReadOnlySpan<byte> raw)
    {
    }
}
