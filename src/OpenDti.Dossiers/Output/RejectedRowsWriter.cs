using System.Globalization;
using System.Text;
using OpenDti.Dossiers.Kpis;

namespace OpenDti.Dossiers.Output;

/// <summary>
/// The side file of <c>--skip-invalid</c>: one line per rejected row — its line in the export, the columns
/// and problems found, and the row as written — so it can be fixed and loaded again. Written row by row as the
/// rows are rejected, so nothing of them is held in memory, under a temporary name beside the file: <see cref="Keep"/>
/// renames it into place once the run has succeeded; disposed without that, it is removed.
/// </summary>
public sealed class RejectedRowsWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private StreamWriter? _writer;

    public RejectedRowsWriter(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        _temporary = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.tmp");
        _writer = new StreamWriter(_temporary, append: false, new UTF8Encoding(false));
        _writer.Write("line,column,problem,expected,found,row\n");
    }

    /// <summary>Rows written so far.</summary>
    public long Count { get; private set; }

    public void Add(RejectedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var writer = _writer ?? throw new InvalidOperationException("The rejected rows' file is complete.");
        writer.Write(string.Join(',',
            row.Line.ToString(CultureInfo.InvariantCulture),
            KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Place.Column))),
            KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Code))),
            KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Expected))),
            KpiCsvWriter.Text(string.Join("; ", row.Problems.Select(p => p.Found))),
            KpiCsvWriter.Text(Encoding.UTF8.GetString(row.Raw))));
        writer.Write('\n');
        Count++;
    }

    /// <summary>Completes the file and renames it into place; returns its path.</summary>
    public string Keep()
    {
        var writer = _writer ?? throw new InvalidOperationException("The rejected rows' file is complete.");
        writer.Dispose();
        _writer = null;
        File.Move(_temporary, _path, overwrite: true);
        return _path;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
        File.Delete(_temporary);
    }
}
