using System.Buffers.Binary;
using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// A valid row as the first read leaves it on disk, partitioned by the hash of its dossier id, so that a
/// dossier given twice is found one partition at a time and its earlier rows taken back without reading the
/// file again: the id's hash, the row's place in the file, its (unit, month) cell and full-online procedure
/// in the reading thread's numbering, its channel and times, and the id itself (ids whose hashes collide are
/// told apart by their bytes). 53 bytes and the id.
/// </summary>
internal readonly ref struct SpilledRow
{
    private const int HeaderSize = 53;

    private readonly ReadOnlySpan<byte> _bytes;

    public SpilledRow(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
    }

    public static int SizeOf(int idLength) => HeaderSize + idLength;

    /// <summary>The size of the record that starts at <paramref name="bytes"/>.</summary>
    public static int SizeAt(ReadOnlySpan<byte> bytes) => HeaderSize + BinaryPrimitives.ReadInt32LittleEndian(bytes[49..]);

    public static void Write(Span<byte> into, ulong fingerprint, int chunk, int line, int cell, int fullOnline, in DossierRow row)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(into, fingerprint);
        BinaryPrimitives.WriteInt32LittleEndian(into[8..], chunk);
        BinaryPrimitives.WriteInt32LittleEndian(into[12..], line);
        BinaryPrimitives.WriteInt32LittleEndian(into[16..], cell);
        BinaryPrimitives.WriteInt32LittleEndian(into[20..], fullOnline);
        BinaryPrimitives.WriteInt64LittleEndian(into[24..], row.ReceivedAt);
        BinaryPrimitives.WriteInt64LittleEndian(into[32..], row.DueAt);
        BinaryPrimitives.WriteInt64LittleEndian(into[40..], row.FinishedAt);
        into[48] = (byte)row.Channel;
        BinaryPrimitives.WriteInt32LittleEndian(into[49..], row.Id.Length);
        row.Id.CopyTo(into[HeaderSize..]);
    }

    public static ulong FingerprintAt(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt64LittleEndian(bytes);

    public int Chunk => BinaryPrimitives.ReadInt32LittleEndian(_bytes[8..]);

    public int Line => BinaryPrimitives.ReadInt32LittleEndian(_bytes[12..]);

    /// <summary>The (unit, month) cell in the numbering of the thread that read the row.</summary>
    public int Cell => BinaryPrimitives.ReadInt32LittleEndian(_bytes[16..]);

    /// <summary>The procedure's index among the catalogue's full-online procedures, or −1.</summary>
    public int FullOnline => BinaryPrimitives.ReadInt32LittleEndian(_bytes[20..]);

    public long ReceivedAt => BinaryPrimitives.ReadInt64LittleEndian(_bytes[24..]);

    public long DueAt => BinaryPrimitives.ReadInt64LittleEndian(_bytes[32..]);

    public long FinishedAt => BinaryPrimitives.ReadInt64LittleEndian(_bytes[40..]);

    public Channel Channel => (Channel)_bytes[48];

    public ReadOnlySpan<byte> Id => _bytes.Slice(HeaderSize, BinaryPrimitives.ReadInt32LittleEndian(_bytes[49..]));

    /// <summary>Whether this row comes after <paramref name="other"/> in the file.</summary>
    public bool IsAfter(in SpilledRow other) => Chunk != other.Chunk ? Chunk > other.Chunk : Line > other.Line;
}
