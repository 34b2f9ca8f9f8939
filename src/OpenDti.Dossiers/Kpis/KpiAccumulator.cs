using System.Text;
using OpenDti.Dossiers.Input;
using OpenDti.Dossiers.Spill;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// One thread's KPI state while reading: counts per (unit, month) cell, the procedures with an online
/// dossier per cell (a bit per full-online procedure of the catalogue), every resolved dossier's processing
/// minutes tagged with its cell (8 bytes each, for the exact median, on disk), every valid row in brief on disk
/// by the hash of its dossier id (to find a dossier given twice, <see cref="RepeatedDossiers"/>), the first
/// problems, and with <c>--skip-invalid</c> every rejected row on disk. Codes are this thread's own small ids; <see cref="KpiTable.Merge"/> maps them
/// to the file's. Nothing here is shared between threads.
/// </summary>
internal sealed class KpiAccumulator : IDossierRowSink
{
    private readonly IReadOnlyDictionary<string, int>? _fullOnlineIndex;
    private readonly IReadOnlyDictionary<string, Procedure>? _catalogueCodes;
    private readonly int _markWords;
    private readonly bool _keepRejectedRows;
    private readonly ScratchSpace _scratch;
    private readonly int _maxProblems;
    private int[] _procedureFullOnlineIndex = new int[64];
    private bool[] _procedureIsUnknown = new bool[64];
    private int[] _cellBaseMonth = new int[64];
    private int[][] _cellByMonth = new int[64][];
    private CellCounts[] _counts = new CellCounts[256];
    private int[] _cellUnit = new int[256];
    private int[] _cellMonth = new int[256];
    private ulong[]?[] _onlineProcedures = new ulong[]?[256];
    private readonly RowPartitions _partitions;
    private int _chunk;

    public KpiAccumulator(ProcedureCatalogue? catalogue, ScratchSpace scratch, RowPartitions partitions, bool keepRejectedRows, int maxProblems)
    {
        _fullOnlineIndex = catalogue?.FullOnlineIndex;
        _catalogueCodes = catalogue?.Procedures;
        _markWords = ((catalogue?.FullOnlineCount ?? 0) + 63) >> 6;
        _keepRejectedRows = keepRejectedRows;
        _scratch = scratch;
        _maxProblems = maxProblems;
        _partitions = partitions;
        States = new PartitionSpill(scratch, partitions.Count, partitions.BufferBytes);
        Minutes = new LongBlocks(scratch, "minutes");
    }

    public CodeTable Units { get; } = new();

    public CodeTable Procedures { get; } = new();

    public int CellCount { get; private set; }

    public LongBlocks Minutes { get; }

    /// <summary>Every valid row in brief (<see cref="SpilledRow"/>), partitioned by the hash of its dossier id.</summary>
    public PartitionSpill States { get; }

    /// <summary>The first problems found (at most the options' <c>MaxProblems</c>).</summary>
    public List<RowProblem> Problems { get; } = [];

    /// <summary>Every rejected row, when they are to be written beside the output; null until the first.</summary>
    public RejectedRowsSpill? Rejected { get; private set; }

    public long RejectedRows { get; private set; }

    public long ProblemCount { get; private set; }

    public long Rows { get; private set; }

    /// <summary>Rows whose procedure is not in the catalogue (only counted with a catalogue).</summary>
    public long UnknownProcedureRows { get; private set; }

    public ReadOnlySpan<CellCounts> Counts => _counts.AsSpan(0, CellCount);

    public int UnitOf(int cell) => _cellUnit[cell];

    public int MonthOf(int cell) => _cellMonth[cell];

    public ulong[]? OnlineProceduresOf(int cell) => _onlineProcedures[cell];

    public void BeginChunk(int chunk) => _chunk = chunk;

    public void OnRow(in DossierRow row, int lineInChunk)
    {
        Rows++;
        var unit = Units.GetOrAdd(row.Unit, out _);
        var procedure = Procedures.GetOrAdd(row.Procedure, out var newProcedure);
        if (newProcedure)
        {
            AddProcedure(procedure, row.Procedure);
        }

        if (_procedureIsUnknown[procedure])
        {
            UnknownProcedureRows++;
        }

        var month = LocalTime.MonthNumber(row.ReceivedAt);
        var cell = CellOf(unit, month);
        var fullOnline = _procedureFullOnlineIndex[procedure];
        var fingerprint = ByteHash.Of(row.Id);
        SpilledRow.Write(States.Reserve(_partitions.Of(fingerprint), SpilledRow.SizeOf(row.Id.Length)), fingerprint, _chunk, lineInChunk, cell, fullOnline, row);
        ref var counts = ref _counts[cell];
        counts.Received++;
        if (row.Channel == Channel.Online)
        {
            counts.ReceivedOnline++;
            if (fullOnline >= 0)
            {
                var marks = _onlineProcedures[cell] ??= new ulong[_markWords];
                marks[fullOnline >> 6] |= 1UL << fullOnline;
            }
        }

        if (row.IsFinished)
        {
            counts.Resolved++;
            if (row.FinishedAt <= row.DueAt)
            {
                counts.ResolvedOnTime++;
            }

            counts.ProcessingSeconds += row.FinishedAt - row.ReceivedAt;
            Minutes.Add((ulong)DossierRules.ProcessingMinutes(row.ReceivedAt, row.FinishedAt) << 32 | (uint)cell);
        }
        else if (row.DueAt < LocalTime.StartOfNextMonth(month))
        {
            counts.OverdueOpen++;
        }
    }

    public void OnRejected(int lineInChunk, IReadOnlyList<(string Code, string Column, string Expected, string? Found)> problems, ReadOnlySpan<byte> raw)
    {
        RejectedRows++;
        ProblemCount += problems.Count;
        if (_keepRejectedRows)
        {
            (Rejected ??= new RejectedRowsSpill(_scratch)).Add(_chunk, lineInChunk, problems, raw);
        }

        foreach (var (code, column, expected, found) in problems.Take(_maxProblems - Problems.Count))
        {
            Problems.Add(new RowProblem(_chunk, lineInChunk, code, column, expected, found));
        }
    }

    private void AddProcedure(int procedure, ReadOnlySpan<byte> code)
    {
        if (procedure == _procedureFullOnlineIndex.Length)
        {
            Array.Resize(ref _procedureFullOnlineIndex, procedure * 2);
            Array.Resize(ref _procedureIsUnknown, procedure * 2);
        }

        _procedureFullOnlineIndex[procedure] = -1;
        if (_fullOnlineIndex is null)
        {
            return;
        }

        var text = Encoding.UTF8.GetString(code);
        if (_fullOnlineIndex.TryGetValue(text, out var index))
        {
            _procedureFullOnlineIndex[procedure] = index;
        }
        else if (!_catalogueCodes!.ContainsKey(text))
        {
            _procedureIsUnknown[procedure] = true;
        }
    }

    private int CellOf(int unit, int month)
    {
        if (unit >= _cellByMonth.Length)
        {
            Array.Resize(ref _cellByMonth, _cellByMonth.Length * 2);
            Array.Resize(ref _cellBaseMonth, _cellByMonth.Length);
        }

        var byMonth = _cellByMonth[unit];
        if (byMonth is null)
        {
            // Months of one unit sit in a small array from the first month seen; most exports span a few years.
            byMonth = new int[24];
            Array.Fill(byMonth, -1);
            _cellByMonth[unit] = byMonth;
            _cellBaseMonth[unit] = month - 12;
        }

        var index = month - _cellBaseMonth[unit];
        if ((uint)index >= (uint)byMonth.Length)
        {
            byMonth = Widen(unit, month);
            index = month - _cellBaseMonth[unit];
        }

        var cell = byMonth[index];
        return cell >= 0 ? cell : byMonth[index] = NewCell(unit, month);
    }

    private int[] Widen(int unit, int month)
    {
        var old = _cellByMonth[unit];
        var oldBase = _cellBaseMonth[unit];
        var newBase = Math.Min(oldBase, month - 12);
        var newEnd = Math.Max(oldBase + old.Length, month + 13);
        var widened = new int[newEnd - newBase];
        Array.Fill(widened, -1);
        old.CopyTo(widened, oldBase - newBase);
        _cellByMonth[unit] = widened;
        _cellBaseMonth[unit] = newBase;
        return widened;
    }

    private int NewCell(int unit, int month)
    {
        var cell = CellCount++;
        if (cell == _counts.Length)
        {
            Array.Resize(ref _counts, cell * 2);
            Array.Resize(ref _cellUnit, cell * 2);
            Array.Resize(ref _cellMonth, cell * 2);
            Array.Resize(ref _onlineProcedures, cell * 2);
        }

        _cellUnit[cell] = unit;
        _cellMonth[cell] = month;
        return cell;
    }
}
