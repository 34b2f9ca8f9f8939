using System.Text;

namespace OpenDti.Dossiers.Input;

/// <summary>
/// Splits UTF-8 bytes into dossier rows and checks each field, without a string per field: codes stay
/// spans of the buffer, dates are parsed from bytes (<see cref="LocalTime"/>). A general CSV library
/// (CsvHelper) turns every field into a string first; on the 10-million-row benchmark that alone costs
/// more than all of this parser (README, "Benchmarks"). Lines without a quote take a fast path
/// (vectorised searches for newline and comma); a line with a quote is parsed field by field (RFC 4180:
/// quoted commas, doubled quotes, newlines inside quotes).
/// One parser per thread: it keeps scratch buffers.
/// </summary>
internal sealed class DossierRecordParser
{
    private static readonly DossierField[] Fields = Enum.GetValues<DossierField>();

    private readonly int _columnCount;
    private readonly int[] _fieldColumn;
    private readonly string[] _fieldName;
    private readonly IReadOnlyList<string> _names;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly bool[] _inScratch;
    private readonly List<(string Code, string Column, string Expected, string? Found)> _problems = [];
    private byte[] _scratch = new byte[256];

    public DossierRecordParser(DossierHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _columnCount = header.ColumnCount;
        _fieldColumn = [.. Fields.Select(header.IndexOf)];
        _fieldName = [.. Fields.Select(header.NameOf)];
        _names = header.Names;
        _starts = new int[_columnCount];
        _lengths = new int[_columnCount];
        _inScratch = new bool[_columnCount];
    }

    /// <summary>
    /// Parses whole records from the start of <paramref name="data"/> and returns how many bytes they took.
    /// Unless <paramref name="isFinal"/>, a record not ended by a newline (outside quotes) is left unconsumed
    /// for the caller to complete. <paramref name="line"/> counts the newlines consumed so far.
    /// </summary>
    public int Parse<TSink>(ReadOnlySpan<byte> data, bool isFinal, TSink sink, ref int line)
        where TSink : IDossierRowSink
    {
        var pos = 0;
        while (pos < data.Length)
        {
            var rest = data[pos..];
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !isFinal)
            {
                return pos;
            }

            var lineLength = newline < 0 ? rest.Length : newline;
            var record = TrimCr(rest[..lineLength]);
            if (record.IndexOf((byte)'"') < 0)
            {
                if (!record.IsEmpty)
                {
                    HandlePlain(record, sink, line);
                }

                pos += newline < 0 ? lineLength : lineLength + 1;
                line += newline < 0 ? 0 : 1;
                continue;
            }

            var consumed = ParseQuoted(rest, isFinal, out var newlines, out var complete);
            if (!complete && !isFinal)
            {
                return pos;
            }

            var raw = TrimNewline(rest[..consumed]);
            if (!complete)
            {
                Reject(sink, line, raw, "dossiers.unterminated-quote", _fieldName[0], "dấu \" đóng trường / a closing quote", "hết tệp / end of file");
            }
            else if (_problems.Count > 0)
            {
                sink.OnRejected(line, _problems, raw);
                _problems.Clear();
            }
            else
            {
                HandleFields(rest, sink, line, raw);
            }

            pos += consumed;
            line += newlines;
        }

        return pos;
    }

    private void HandlePlain<TSink>(ReadOnlySpan<byte> record, TSink sink, int line)
        where TSink : IDossierRowSink
    {
        var start = 0;
        var column = 0;
        while (true)
        {
            var comma = record[start..].IndexOf((byte)',');
            var length = comma < 0 ? record.Length - start : comma;
            if (column < _columnCount)
            {
                _starts[column] = start;
                _lengths[column] = length;
                _inScratch[column] = false;
            }

            column++;
            if (comma < 0)
            {
                break;
            }

            start += comma + 1;
        }

        if (column != _columnCount)
        {
            Reject(sink, line, record, "dossiers.column-count", ColumnCountPlace(column),
                $"{_columnCount} cột / columns", $"{column}");
            return;
        }

        HandleFields(record, sink, line, record);
    }

    private void HandleFields<TSink>(ReadOnlySpan<byte> source, TSink sink, int line, ReadOnlySpan<byte> raw)
        where TSink : IDossierRowSink
    {
        var row = default(DossierRow);
        row.Raw = raw;
        row.Id = Required(source, DossierField.DossierId);
        row.Procedure = Required(source, DossierField.ProcedureCode);
        row.Unit = Required(source, DossierField.UnitCode);
        row.Status = Required(source, DossierField.Status);

        var channel = Field(source, DossierField.Channel);
        if (!ChannelNames.TryParse(channel, out row.Channel))
        {
            Problem("dossiers.unknown-channel", DossierField.Channel, ChannelNames.Expected, channel);
        }

        row.ReceivedAt = Time(source, DossierField.ReceivedAt, required: true);
        row.DueAt = Time(source, DossierField.DueAt, required: true);
        row.FinishedAt = Time(source, DossierField.FinishedAt, required: false);
        if (row.IsFinished && row.ReceivedAt != DossierRow.Open && row.FinishedAt < row.ReceivedAt)
        {
            Problem("dossiers.finished-before-received", DossierField.FinishedAt,
                "không sớm hơn ngày tiếp nhận / not before received_at", Field(source, DossierField.FinishedAt));
        }

        if (_problems.Count > 0)
        {
            sink.OnRejected(line, _problems, raw);
            _problems.Clear();
            return;
        }

        sink.OnRow(row, line);
    }

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> source, DossierField field)
    {
        var column = _fieldColumn[(int)field];
        var bytes = _inScratch[column] ? _scratch.AsSpan(_starts[column], _lengths[column]) : source.Slice(_starts[column], _lengths[column]);
        return bytes.Trim((byte)' ');
    }

    private ReadOnlySpan<byte> Required(ReadOnlySpan<byte> source, DossierField field)
    {
        var value = Field(source, field);
        if (value.IsEmpty)
        {
            Problem("dossiers.missing-value", field, "một giá trị / a value", []);
        }

        return value;
    }

    private long Time(ReadOnlySpan<byte> source, DossierField field, bool required)
    {
        var text = Field(source, field);
        if (text.IsEmpty && !required)
        {
            return DossierRow.Open;
        }

        if (LocalTime.TryParse(text, out var seconds))
        {
            return seconds;
        }

        Problem(text.IsEmpty ? "dossiers.missing-value" : "dossiers.bad-date", field,
            "ngày giờ dd/MM/yyyy HH:mm:ss hoặc / or yyyy-MM-dd HH:mm:ss", text);
        return DossierRow.Open;
    }

    private void Problem(string code, DossierField field, string expected, ReadOnlySpan<byte> found) =>
        _problems.Add((code, _fieldName[(int)field], expected, Encoding.UTF8.GetString(found)));

    private void Reject<TSink>(TSink sink, int line, ReadOnlySpan<byte> raw, string code, string column, string expected, string found)
        where TSink : IDossierRowSink
    {
        _problems.Clear();
        _problems.Add((code, column, expected, found));
        sink.OnRejected(line, _problems, raw);
        _problems.Clear();
    }

    // The first column missing, or the first one too many.
    private string ColumnCountPlace(int found) => found < _columnCount ? _names[found] : $"#{_columnCount + 1}";

    /// <summary>
    /// One record with quotes, from its first byte to the newline that ends it (included in the count).
    /// Field ranges go to <see cref="_starts"/>/<see cref="_lengths"/>, relative to <paramref name="data"/>
    /// or, for a quoted field with doubled quotes, to the scratch buffer. Problems of shape go to
    /// <see cref="_problems"/>.
    /// </summary>
    private int ParseQuoted(ReadOnlySpan<byte> data, bool isFinal, out int newlines, out bool complete)
    {
        newlines = 0;
        complete = false;
        _problems.Clear();
        var scratchUsed = 0;
        var column = 0;
        var pos = 0;
        while (true)
        {
            var fieldStart = pos;
            int start, length;
            var inScratch = false;
            if (pos < data.Length && data[pos] == '"')
            {
                // Quoted: up to the next quote that is not doubled.
                pos++;
                start = pos;
                var copied = -1;
                while (true)
                {
                    var quote = data[pos..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        newlines += data[pos..].Count((byte)'\n');
                        return data.Length;
                    }

                    newlines += data.Slice(pos, quote).Count((byte)'\n');
                    if (pos + quote + 1 < data.Length && data[pos + quote + 1] == '"')
                    {
                        // A doubled quote: the field is copied without the second one.
                        if (copied < 0)
                        {
                            copied = scratchUsed;
                        }

                        Append(ref scratchUsed, data.Slice(pos, quote + 1));
                        pos += quote + 2;
                        continue;
                    }

                    if (pos + quote + 1 >= data.Length && !isFinal)
                    {
                        // The closing quote may be the first of a doubled pair in the next block.
                        return data.Length;
                    }

                    if (copied >= 0)
                    {
                        Append(ref scratchUsed, data.Slice(pos, quote));
                        start = copied;
                        length = scratchUsed - copied;
                        inScratch = true;
                    }
                    else
                    {
                        length = pos + quote - start;
                    }

                    pos += quote + 1;
                    break;
                }

                if (pos < data.Length && data[pos] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
                {
                    _problems.Add(("dossiers.bad-quote", ColumnName(column), "dấu phẩy sau dấu \" đóng / a comma after the closing quote", Encoding.UTF8.GetString(data.Slice(fieldStart, Math.Min(40, data.Length - fieldStart)))));
                    var skip = data[pos..].IndexOfAny((byte)',', (byte)'\n');
                    pos = skip < 0 ? data.Length : pos + skip;
                }
            }
            else
            {
                var end = data[pos..].IndexOfAny((byte)',', (byte)'\n');
                start = pos;
                length = end < 0 ? data.Length - pos : end;
                pos += length;
            }

            if (column < _columnCount)
            {
                _starts[column] = start;
                _lengths[column] = length;
                _inScratch[column] = inScratch;
                if (!inScratch && length > 0 && data[start + length - 1] == '\r' && (pos >= data.Length || data[pos] == '\n'))
                {
                    _lengths[column] = length - 1;
                }
            }

            column++;
            if (pos < data.Length && data[pos] == ',')
            {
                pos++;
                continue;
            }

            if (pos < data.Length && data[pos] == '\r')
            {
                if (pos + 1 >= data.Length && !isFinal)
                {
                    return data.Length;
                }

                if (pos + 1 < data.Length && data[pos + 1] == '\n')
                {
                    pos++;
                }
            }

            if (pos >= data.Length && !isFinal)
            {
                return data.Length;
            }

            complete = true;
            if (pos < data.Length)
            {
                pos++;
                newlines++;
            }

            if (column != _columnCount && _problems.Count == 0)
            {
                _problems.Add(("dossiers.column-count", ColumnCountPlace(column), $"{_columnCount} cột / columns", $"{column}"));
            }

            return pos;
        }
    }

    private string ColumnName(int column)
    {
        for (var f = 0; f < _fieldColumn.Length; f++)
        {
            if (_fieldColumn[f] == column)
            {
                return _fieldName[f];
            }
        }

        return $"#{column + 1}";
    }

    private void Append(ref int used, ReadOnlySpan<byte> bytes)
    {
        if (used + bytes.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, used + bytes.Length));
        }

        bytes.CopyTo(_scratch.AsSpan(used));
        used += bytes.Length;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> TrimNewline(ReadOnlySpan<byte> record)
    {
        if (record.Length > 0 && record[^1] == '\n')
        {
            record = record[..^1];
        }

        return TrimCr(record);
    }
}
