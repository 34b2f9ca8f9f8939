using System.Reflection;

namespace OpenDti.Store.Seed;

/// <summary>
/// Opens the seed files compiled into this assembly (Seed/**), so the product runs from any directory
/// without the source tree. Resource names are "OpenDti.Seed." followed by the path under Seed/.
/// </summary>
internal static class EmbeddedSeed
{
    private const string Prefix = "OpenDti.Seed.";

    public static Stream Open(string pathUnderSeed) =>
        TryOpen(pathUnderSeed)
            ?? throw new InvalidOperationException($"The seed file '{pathUnderSeed}' is not embedded in {Assembly.GetName().Name}.");

    /// <summary>
    /// Opens an embedded file, or returns null. The csproj names resources "OpenDti.Seed." + RecursiveDir +
    /// file name, and RecursiveDir ends in the build machine's separator ('/' or '\'), so names are compared with '/'.
    /// </summary>
    public static Stream? TryOpen(string pathUnderSeed)
    {
        var wanted = ResourceName(pathUnderSeed);
        var name = Assembly.GetManifestResourceNames()
            .SingleOrDefault(n => string.Equals(n.Replace('\\', '/'), wanted, StringComparison.Ordinal));
        return name is null ? null : Assembly.GetManifestResourceStream(name);
    }

    public static string ResourceName(string pathUnderSeed) => Prefix + pathUnderSeed.Replace('\\', '/');

    public static IReadOnlyList<string> List() =>
        typeof(EmbeddedSeed).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..].Replace('\\', '/'))
            .ToList();

    internal static Assembly Assembly => typeof(EmbeddedSeed).Assembly;
}
