namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>A number written in the expression, such as 100 or 0.5.</summary>
internal sealed record NumberNode(double Value, int Position) : ExpressionNode(Position)
{
    public override double? Evaluate(Func<MeasureCode, double?> lookup) => Value;
}
