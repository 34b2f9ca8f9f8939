namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>
/// The stable codes of <see cref="Problems.InputProblem"/>s that <see cref="IndicatorExpression.Parse(string, Problems.ProblemPlace)"/>
/// returns. Every such problem gives the 1-based character position in <see cref="Problems.ProblemPlace.Column"/>
/// as "position N".
/// </summary>
public static class ExpressionProblemCodes
{
    /// <summary>The expression is empty or only white space.</summary>
    public const string Empty = "expression.empty";

    /// <summary>The expression is longer than <see cref="IndicatorExpression.MaxLength"/> characters.</summary>
    public const string TooLong = "expression.too-long";

    /// <summary>A character that has no place in an expression, such as ';', '%' or a Vietnamese letter.</summary>
    public const string InvalidCharacter = "expression.invalid-character";

    /// <summary>A number that is malformed ("1.") or too large for a double.</summary>
    public const string InvalidNumber = "expression.invalid-number";

    /// <summary>A name that is not a code: lower case, or longer than <see cref="MeasureCode.MaxLength"/>.</summary>
    public const string InvalidName = "expression.invalid-name";

    /// <summary>A call of a function other than <c>min</c> and <c>max</c>.</summary>
    public const string UnknownFunction = "expression.unknown-function";

    /// <summary>A function called with fewer than two arguments.</summary>
    public const string Arity = "expression.arity";

    /// <summary>A token where another was expected, e.g. "A B" or "A * )".</summary>
    public const string Syntax = "expression.syntax";

    /// <summary>The text ends where more was expected, e.g. "A +" or "(A".</summary>
    public const string UnexpectedEnd = "expression.unexpected-end";

    /// <summary>A division by a constant that is zero, e.g. "A / 0" or "A / (2 - 2)".</summary>
    public const string DivisionByZero = "expression.division-by-zero";
}
