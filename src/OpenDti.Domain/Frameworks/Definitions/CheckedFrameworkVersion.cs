using OpenDti.Domain.Frameworks.Expressions;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>A version that <see cref="FrameworkChecker"/> found without problems, with its parsed expressions.</summary>
public sealed class CheckedFrameworkVersion
{
    internal CheckedFrameworkVersion(
        FrameworkVersionDefinition definition,
        IReadOnlyList<MeasureCode> evaluationOrder,
        IReadOnlyDictionary<MeasureCode, IndicatorExpression> expressions)
    {
        Definition = definition;
        EvaluationOrder = evaluationOrder;
        Expressions = expressions;
    }

    /// <summary>The definition as read.</summary>
    public FrameworkVersionDefinition Definition { get; }

    /// <summary>
    /// Every indicator of the version, each after all the indicators its expression refers to, otherwise in
    /// document order: computing them in this order, every reference has its value when needed.
    /// </summary>
    public IReadOnlyList<MeasureCode> EvaluationOrder { get; }

    /// <summary>The parsed expression of each indicator, by indicator code.</summary>
    public IReadOnlyDictionary<MeasureCode, IndicatorExpression> Expressions { get; }
}
