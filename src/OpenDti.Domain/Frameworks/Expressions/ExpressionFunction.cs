namespace OpenDti.Domain.Frameworks.Expressions;

internal enum ExpressionFunction
{
    Min,
    Max,
}
