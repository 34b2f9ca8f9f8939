namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>An arithmetic operation; <see cref="ExpressionNode.Position"/> is that of the operator.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right, int Position) : ExpressionNode(Position)
{
    public override IEnumerable<ExpressionNode> Children => [Left, Right];

    public override double? Evaluate(Func<MeasureCode, double?> lookup)
    {
        if (Left.Evaluate(lookup) is not { } left || Right.Evaluate(lookup) is not { } right)
        {
            return null;
        }

        return Operator switch
        {
            BinaryOperator.Add => Finite(left + right),
            BinaryOperator.Subtract => Finite(left - right),
            BinaryOperator.Multiply => Finite(left * right),
            _ => right == 0 ? null : Finite(left / right),
        };
    }
}
