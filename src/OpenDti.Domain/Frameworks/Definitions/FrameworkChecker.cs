using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>
/// Checks framework definitions and measure catalogues as read from files, returning every problem at once
/// (never throwing for bad input), and for a framework without problems, the indicators' evaluation order.
/// </summary>
public static class FrameworkChecker
{
    internal const string CodeForm = "a code: an upper-case letter, then upper-case letters, digits or '_' (at most 64)";

    /// <summary>
    /// Checks a measure catalogue: every code valid and used once, every measure with a name and a unit of
    /// measure. Problems have "measure catalogue" as source and the measure code as field.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="measures"/> is null.</exception>
    public static IReadOnlyList<InputProblem> CheckMeasures(IReadOnlyList<MeasureDefinition> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var problems = new List<InputProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            var place = new ProblemPlace(Source: "measure catalogue", Field: measure.Code);
            if (!MeasureCode.IsValid(measure.Code))
            {
                problems.Add(new InputProblem(FrameworkProblemCodes.InvalidCode, place, CodeForm, measure.Code));
            }
            else if (!seen.Add(measure.Code))
            {
                problems.Add(new InputProblem(FrameworkProblemCodes.DuplicateCode, place, "a code used by one measure only", measure.Code));
            }

            if (measure.Name.Length == 0)
            {
                problems.Add(new InputProblem(FrameworkProblemCodes.MissingName, place, "a Vietnamese name", "an empty name"));
            }

            if (measure.UnitOfMeasure.Length == 0)
            {
                problems.Add(new InputProblem(FrameworkProblemCodes.MissingUnit, place, "a unit of measure such as \"người\" or \"%\"", "an empty unit"));
            }
        }

        return problems;
    }

    /// <summary>
    /// Checks a framework against the measures its expressions may use. For each version: the tree (only
    /// pillars at the top; groups or indicators under a pillar; indicators under a group; nothing under an
    /// indicator), codes (valid, used once in the version, distinct from measure codes), names, weights (none
    /// or at least 0), directions (±1), goalposts (not equal), expressions (only on indicators, always on
    /// them, well formed, no division by a constant zero, every name a measure or an indicator of the same
    /// version) and cycles between indicators. Problems of a version have "framework CODE VERSION" as source
    /// and the node code as field; expression problems add "position N".
    /// </summary>
    /// <remarks>The catalogue itself is checked by <see cref="CheckMeasures"/>.</remarks>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static FrameworkCheckResult Check(FrameworkDefinition framework, IReadOnlyList<MeasureDefinition> measures)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(measures);
        var problems = new List<InputProblem>();
        var place = new ProblemPlace(Source: $"framework {framework.Code}");
        if (!MeasureCode.IsValid(framework.Code))
        {
            problems.Add(new InputProblem(FrameworkProblemCodes.InvalidCode, place with { Field = framework.Code }, CodeForm, framework.Code));
        }

        if (framework.Name.Length == 0)
        {
            problems.Add(new InputProblem(FrameworkProblemCodes.MissingName, place, "a Vietnamese name", "an empty name"));
        }

        if (framework.Versions.Count == 0)
        {
            problems.Add(new InputProblem(FrameworkProblemCodes.NoVersions, place, "at least one version", "none"));
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in framework.Versions)
        {
            if (string.IsNullOrWhiteSpace(version.Version) || !labels.Add(version.Version))
            {
                problems.Add(new InputProblem(FrameworkProblemCodes.InvalidVersion, place, "a version label used once, e.g. \"2022\"", version.Version));
            }
        }

        var measureCodes = measures.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var versions = framework.Versions
            .Select(version => new VersionChecker(framework.Code, version, measureCodes, problems).Check())
            .ToList();
        return problems.Count == 0
            ? FrameworkCheckResult.Success(new CheckedFramework(framework, [.. versions.OfType<CheckedFrameworkVersion>()]))
            : FrameworkCheckResult.Failure(problems);
    }
}
