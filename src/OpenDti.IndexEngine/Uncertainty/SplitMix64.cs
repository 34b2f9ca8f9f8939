namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose output is fixed by its 64-bit state on every machine
/// and .NET version, unlike <see cref="Random"/>, whose seeded sequence is not promised to stay the same.
/// </summary>
internal struct SplitMix64(ulong state)
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    private ulong _state = state;

    /// <summary>The seed of stream <paramref name="stream"/> of <paramref name="master"/>: independent streams for each replication.</summary>
    public static ulong Derive(ulong master, ulong stream)
    {
        unchecked
        {
            var g = new SplitMix64(master + (stream * Golden));
            g.NextUInt64();
            return g.NextUInt64();
        }
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += Golden;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
