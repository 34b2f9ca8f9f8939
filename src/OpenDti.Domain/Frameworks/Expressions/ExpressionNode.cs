namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>
/// A node of a parsed expression. <see cref="Position"/> is the 1-based character position that
/// problems about the node point at.
/// </summary>
internal abstract record ExpressionNode(int Position)
{
    /// <summary>The operands of the node, left to right.</summary>
    public virtual IEnumerable<ExpressionNode> Children => [];

    /// <summary>
    /// The value, or null when a name has no value, a divisor is zero or a step is not a finite
    /// number (overflow). Folding constants is evaluation where every name is missing.
    /// </summary>
    public abstract double? Evaluate(Func<MeasureCode, double?> lookup);

    /// <summary>This node and all below it, in document order.</summary>
    public IEnumerable<ExpressionNode> DescendantsAndSelf()
    {
        var stack = new Stack<ExpressionNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    protected static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
