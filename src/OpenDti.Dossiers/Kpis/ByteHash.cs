using System.Buffers.Binary;
using System.Numerics;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// A 64-bit hash of a short byte string (codes, dossier ids): the rounds and final avalanche of XXH64
/// (Y. Collet), one lane at a time, which is XXH64 itself below 32 bytes. A plain multiply-xor was not
/// enough: ids that differ only in a few digits collided about once per 10,000 on a generated file.
/// A collision never changes a result — codes are compared byte for byte after the hash matches, and
/// dossiers whose hashes repeat are checked by their full ids — but each one costs a second read.
/// </summary>
internal static class ByteHash
{
    private const ulong Prime1 = 0x9E37_79B1_85EB_CA87;
    private const ulong Prime2 = 0xC2B2_AE3D_27D4_EB4F;
    private const ulong Prime3 = 0x1656_67B1_9E37_79F9;
    private const ulong Prime4 = 0x85EB_CA77_C2B2_AE63;
    private const ulong Prime5 = 0x27D4_EB2F_1656_67C5;

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var hash = Prime5 + (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            var lane = BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(bytes) * Prime2, 31) * Prime1;
            hash = BitOperations.RotateLeft(hash ^ lane, 27) * Prime1 + Prime4;
            bytes = bytes[8..];
        }

        if (bytes.Length >= 4)
        {
            hash = BitOperations.RotateLeft(hash ^ (BinaryPrimitives.ReadUInt32LittleEndian(bytes) * Prime1), 23) * Prime2 + Prime3;
            bytes = bytes[4..];
        }

        foreach (var b in bytes)
        {
            hash = BitOperations.RotateLeft(hash ^ (b * Prime5), 11) * Prime1;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }
}
