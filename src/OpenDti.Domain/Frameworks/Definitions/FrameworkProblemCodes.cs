namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>
/// The stable codes of <see cref="Problems.InputProblem"/>s that <see cref="FrameworkChecker"/> returns, besides
/// the <see cref="Expressions.ExpressionProblemCodes"/> of indicator expressions. A problem of a version has
/// "framework CODE VERSION" as <see cref="Problems.ProblemPlace.Source"/> and the node code as
/// <see cref="Problems.ProblemPlace.Field"/>.
/// </summary>
public static class FrameworkProblemCodes
{
    /// <summary>A framework, node or measure code that is not a <see cref="MeasureCode"/>.</summary>
    public const string InvalidCode = "framework.invalid-code";

    /// <summary>A code used twice: two measures, two nodes of a version, or a node and a measure.</summary>
    public const string DuplicateCode = "framework.duplicate-code";

    /// <summary>An empty Vietnamese name.</summary>
    public const string MissingName = "framework.missing-name";

    /// <summary>A measure without a unit of measure.</summary>
    public const string MissingUnit = "framework.missing-unit";

    /// <summary>A framework without versions.</summary>
    public const string NoVersions = "framework.no-versions";

    /// <summary>An empty or repeated version label.</summary>
    public const string InvalidVersion = "framework.invalid-version";

    /// <summary>A first year outside 1900–2999, or a last year before the first.</summary>
    public const string InvalidYears = "framework.invalid-years";

    /// <summary>A version without pillars.</summary>
    public const string EmptyVersion = "framework.empty-version";

    /// <summary>A node where its kind cannot be: anything but a pillar at the top, a pillar under a group, anything under an indicator.</summary>
    public const string MisplacedNode = "framework.misplaced-node";

    /// <summary>An indicator without an expression.</summary>
    public const string MissingExpression = "framework.missing-expression";

    /// <summary>A pillar or group with an expression: their values come from their indicators.</summary>
    public const string UnexpectedExpression = "framework.unexpected-expression";

    /// <summary>A weight below zero (or not a finite number).</summary>
    public const string NegativeWeight = "framework.negative-weight";

    /// <summary>A direction other than +1 or −1.</summary>
    public const string InvalidDirection = "framework.invalid-direction";

    /// <summary>A low goalpost equal to the high one, which leaves nothing to normalise by.</summary>
    public const string EqualGoalposts = "framework.equal-goalposts";

    /// <summary>A name in an expression that is neither a measure nor an indicator of the same version.</summary>
    public const string UnknownName = "framework.unknown-name";

    /// <summary>Indicators whose expressions refer to each other in a circle, e.g. "A → B → A".</summary>
    public const string Cycle = "framework.cycle";
}
