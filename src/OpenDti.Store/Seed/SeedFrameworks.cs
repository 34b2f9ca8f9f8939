using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Definitions;
using OpenDti.Domain.Problems;

namespace OpenDti.Store.Seed;

/// <summary>
/// The measure catalogue and the frameworks compiled into this assembly from Seed/frameworks (see its
/// SOURCES.md), read and checked. They are part of the product, so a broken one is a programming error.
/// </summary>
public sealed class SeedFrameworks
{
    /// <summary>The measure catalogue, under Seed/.</summary>
    public const string MeasuresFile = "frameworks/measures.json";

    private SeedFrameworks(IReadOnlyList<MeasureDefinition> measures, IReadOnlyList<CheckedFramework> frameworks)
    {
        Measures = measures;
        Frameworks = frameworks;
    }

    /// <summary>The framework files, under Seed/.</summary>
    public static IReadOnlyList<string> FrameworkFiles { get; } = ["frameworks/ct749.json", "frameworks/dti-province.json", "frameworks/public-services.json"];

    /// <summary>The measures every seed framework may refer to.</summary>
    public IReadOnlyList<MeasureDefinition> Measures { get; }

    /// <summary>The checked frameworks, in the order of <see cref="FrameworkFiles"/>.</summary>
    public IReadOnlyList<CheckedFramework> Frameworks { get; }

    /// <summary>Reads and checks the embedded measures and frameworks.</summary>
    /// <exception cref="InvalidOperationException">When an embedded file is missing or has any problem; the message lists them all.</exception>
    public static SeedFrameworks Load()
    {
        var (seed, problems) = Read();
        return seed ?? throw new InvalidOperationException(
            $"The embedded seed frameworks have {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>New measure entities, for the store to insert.</summary>
    public IReadOnlyList<Measure> CreateMeasures() => [.. Measures.Select(m => m.ToEntity())];

    /// <summary>New framework entities with their versions and nodes, for the store to insert.</summary>
    public IReadOnlyList<Framework> CreateFrameworks() => [.. Frameworks.Select(f => f.ToEntity())];

    /// <summary>Reads and checks the embedded files, returning every problem instead of throwing.</summary>
    internal static (SeedFrameworks? Seed, IReadOnlyList<InputProblem> Problems) Read()
    {
        var problems = new List<InputProblem>();
        IReadOnlyList<MeasureDefinition> measures = [];
        using (var stream = Open(MeasuresFile, problems))
        {
            if (stream is not null)
            {
                var read = FrameworkFile.ReadMeasures(stream, SourceName(MeasuresFile));
                problems.AddRange(read.Problems);
                measures = read.Value ?? [];
                problems.AddRange(FrameworkChecker.CheckMeasures(measures));
            }
        }

        var frameworks = new List<CheckedFramework>();
        foreach (var file in FrameworkFiles)
        {
            using var stream = Open(file, problems);
            if (stream is null)
            {
                continue;
            }

            var read = FrameworkFile.ReadFramework(stream, SourceName(file));
            problems.AddRange(read.Problems);
            if (read.Succeeded)
            {
                var check = FrameworkChecker.Check(read.Value, measures);
                problems.AddRange(check.Problems);
                if (check.Succeeded)
                {
                    frameworks.Add(check.Framework);
                }
            }
        }

        return problems.Count == 0 ? (new SeedFrameworks(measures, frameworks), problems) : (null, problems);
    }

    private static string SourceName(string pathUnderSeed) => "Seed/" + pathUnderSeed;

    private static Stream? Open(string pathUnderSeed, List<InputProblem> problems)
    {
        var stream = EmbeddedSeed.TryOpen(pathUnderSeed);
        if (stream is null)
        {
            problems.Add(new InputProblem("file.missing", new ProblemPlace(SourceName(pathUnderSeed)), $"an embedded resource named {EmbeddedSeed.ResourceName(pathUnderSeed)}", "none"));
        }

        return stream;
    }
}
