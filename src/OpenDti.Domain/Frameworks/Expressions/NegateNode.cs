namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>A unary minus.</summary>
internal sealed record NegateNode(ExpressionNode Operand, int Position) : ExpressionNode(Position)
{
    public override IEnumerable<ExpressionNode> Children => [Operand];

    public override double? Evaluate(Func<MeasureCode, double?> lookup) => -Operand.Evaluate(lookup);
}
