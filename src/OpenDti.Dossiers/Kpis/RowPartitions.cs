using System.Numerics;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// How the rows are partitioned by the hash of their dossier id: a power of two of partitions, chosen so that
/// one partition of the expected rows (about 75 bytes a row) is some 20 MB when it is read back, at most 1,024
/// of them (beyond some 270 million rows a partition grows instead: 1 billion rows, 75 MB). The top bits of
/// the hash pick the partition.
/// </summary>
internal sealed record RowPartitions(int Bits)
{
    private const long RowsPerPartition = 1 << 18;
    private const int MaxBits = 10;

    public int Count => 1 << Bits;

    /// <summary>Each thread's buffer per partition: 4 MB over all of them, 16 KB to 1 MB each.</summary>
    public int BufferBytes => Math.Clamp((4 << 20) >> Bits, 16 << 10, 1 << 20);

    public static RowPartitions For(long expectedRows) =>
        new(Math.Min(MaxBits, BitOperations.Log2(BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, expectedRows / RowsPerPartition)))));

    public int Of(ulong fingerprint) => Bits == 0 ? 0 : (int)(fingerprint >> (64 - Bits));
}
