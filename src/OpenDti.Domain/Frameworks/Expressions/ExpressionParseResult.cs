using System.Diagnostics.CodeAnalysis;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>The outcome of <see cref="IndicatorExpression.Parse(string, ProblemPlace)"/>: an expression, or the problems that kept it from being one.</summary>
public sealed class ExpressionParseResult
{
    private ExpressionParseResult(IndicatorExpression? expression, IReadOnlyList<InputProblem> problems)
    {
        Expression = expression;
        Problems = problems;
    }

    /// <summary>True when the text is a valid expression; <see cref="Expression"/> is then set and <see cref="Problems"/> empty.</summary>
    [MemberNotNullWhen(true, nameof(Expression))]
    public bool Succeeded => Expression is not null;

    /// <summary>The expression, or null when there are problems.</summary>
    public IndicatorExpression? Expression { get; }

    /// <summary>What is wrong with the text; empty on success.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    internal static ExpressionParseResult Success(IndicatorExpression expression) => new(expression, []);

    internal static ExpressionParseResult Failure(IReadOnlyList<InputProblem> problems) => new(null, problems);
}
