using System.Text;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>Decides from a row's bytes whether to keep it.</summary>
internal delegate bool RowFilter(in DossierRow row);

/// <summary>A row kept by a <see cref="RowCollector"/>, with strings, and its place in the file. A struct: a file with many
/// repeated dossiers keeps hundreds of thousands of them at once.</summary>
internal readonly record struct CollectedRow(string Id, int Chunk, int LineInChunk, string Unit, string Procedure, Channel Channel, long ReceivedAt, long DueAt, long FinishedAt)
{
    public (int Chunk, int Line) Position => (Chunk, LineInChunk);

    public int Month => LocalTime.MonthNumber(ReceivedAt);
}

/// <summary>Keeps the valid rows a filter picks (the rows of repeated dossiers, for the second read); ignores invalid rows.</summary>
internal sealed class RowCollector(RowFilter filter) : IDossierRowSink
{
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);
    private int _chunk;

    public List<CollectedRow> Rows { get; } = [];

    public void BeginChunk(int chunk) => _chunk = chunk;

    public void OnRow(in DossierRow row, int lineInChunk)
    {
        if (!filter(row))
        {
            return;
        }

        Rows.Add(new CollectedRow(Encoding.UTF8.GetString(row.Id), _chunk, lineInChunk, Code(row.Unit),
            Code(row.Procedure), row.Channel, row.ReceivedAt, row.DueAt, row.FinishedAt));
    }

    // Unit and procedure codes repeat across rows (thousands of them, not hundreds of thousands): one string each.
    private string Code(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (_codes.TryGetValue(text, out var kept))
        {
            return kept;
        }

        _codes[text] = text;
        return text;
    }

    public void OnRejected(int lineInChunk, IReadOnlyList<(string Code, string Column, string Expected, string? Found)> problems, ReadOnlySpan<byte> raw)
    {
    }
}
