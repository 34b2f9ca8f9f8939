using System.Reflection;

namespace OpenDti.Store.Seed;

/// <summary>
/// Opens the seed files compiled into this assembly (Seed/**), so the product runs from any directory
/// without the source tree. Resource names are "OpenDti.Seed." followed by the path under Seed/.
/// </summary>
internal static class EmbeddedSeed
{
    private const string Prefix = "OpenDti.Seed.";

    public static Stream Open(string pathUnderSeed)
    {
        var wanted = Prefix + pathUnderSeed.Replace('\\', '/');
        var assembly = typeof(EmbeddedSeed).Assembly;
        var name = assembly.GetManifestResourceNames()
            .SingleOrDefault(n => string.Equals(n.Replace('\\', '/'), wanted, StringComparison.Ordinal));
        return name is null
            ? throw new InvalidOperationException($"The seed file '{pathUnderSeed}' is not embedded in {assembly.GetName().Name}.")
            : assembly.GetManifestResourceStream(name)!;
    }

    public static IReadOnlyList<string> List() =>
        typeof(EmbeddedSeed).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/'))
            .ToList();

    internal static Assembly Assembly => typeof(EmbeddedSeed).Assembly;
}
