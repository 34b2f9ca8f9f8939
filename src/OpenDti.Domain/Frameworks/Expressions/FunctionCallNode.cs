namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>A call of <c>min</c> or <c>max</c> with two or more arguments.</summary>
internal sealed record FunctionCallNode(ExpressionFunction Function, IReadOnlyList<ExpressionNode> Arguments, int Position) : ExpressionNode(Position)
{
    public override IEnumerable<ExpressionNode> Children => Arguments;

    public override double? Evaluate(Func<MeasureCode, double?> lookup)
    {
        double? result = null;
        foreach (var argument in Arguments)
        {
            if (argument.Evaluate(lookup) is not { } value)
            {
                return null;
            }

            result = result is not { } current ? value
                : Function == ExpressionFunction.Min ? Math.Min(current, value)
                : Math.Max(current, value);
        }

        return result;
    }
}
