namespace OpenDti.Domain.Frameworks.Expressions;

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
