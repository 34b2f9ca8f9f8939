namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>A reference to a measure or to another indicator by its code.</summary>
internal sealed record NameNode(MeasureCode Code, int Position) : ExpressionNode(Position)
{
    public override double? Evaluate(Func<MeasureCode, double?> lookup) =>
        lookup(Code) is { } value ? Finite(value) : null;
}
