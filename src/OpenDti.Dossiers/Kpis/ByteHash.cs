using System.Buffers.Binary;
using System.Numerics;

namespace OpenDti.Dossiers.Kpis;

/// <summary>
/// A 64-bit hash of a short byte string (codes, dossier ids), eight bytes at a time with a multiply-xor
/// mix and MurmurHash3's finaliser. A collision never changes a result: codes are compared byte for byte
/// after the hash matches, and dossiers whose hashes repeat are checked by their full ids.
/// </summary>
internal static class ByteHash
{
    private const ulong Multiplier = 0x9E37_79B9_7F4A_7C15;

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * Multiplier;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier, 31);
            bytes = bytes[8..];
        }

        if (!bytes.IsEmpty)
        {
            Span<byte> tail = stackalloc byte[8];
            tail.Clear();
            bytes.CopyTo(tail);
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(tail)) * Multiplier, 31);
        }

        hash ^= hash >> 33;
        hash *= 0xFF51_AFD7_ED55_8CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CE_B9FE_1A85_EC53;
        hash ^= hash >> 33;
        return hash;
    }
}
