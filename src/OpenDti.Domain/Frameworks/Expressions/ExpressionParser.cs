using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>
/// A recursive-descent parser for the grammar
/// <code>
/// expression = term { ("+" | "-") term }
/// term       = unary { ("*" | "/") unary }
/// unary      = "-" unary | primary
/// primary    = number | name | function "(" expression { "," expression } ")" | "(" expression ")"
/// </code>
/// It stops at the first syntax problem: what follows a syntax error is rarely worth reporting.
/// </summary>
internal sealed class ExpressionParser(IReadOnlyList<Token> tokens, ProblemPlace place)
{
    private const string OperandExpected = "a number, a code, min( or max(, '-' or '('";

    private int _next;

    /// <summary>The problem that stopped the parser, if any.</summary>
    public InputProblem? Problem { get; private set; }

    private Token Current => tokens[_next];

    /// <summary>Parses the whole token list; null with <see cref="Problem"/> set when it is not an expression.</summary>
    public ExpressionNode? ParseAll()
    {
        var expression = ParseExpression();
        if (expression is null)
        {
            return null;
        }

        return Current.Kind == TokenKind.End ? expression : Fail("an operator (+ - * /) or the end of the expression");
    }

    private ExpressionNode? ParseExpression()
    {
        var left = ParseTerm();
        while (left is not null && Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseTerm();
            left = right is null ? null
                : new BinaryNode(op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, left, right, op.Position);
        }

        return left;
    }

    private ExpressionNode? ParseTerm()
    {
        var left = ParseUnary();
        while (left is not null && Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            left = right is null ? null
                : new BinaryNode(op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide, left, right, op.Position);
        }

        return left;
    }

    private ExpressionNode? ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus)
        {
            return ParsePrimary();
        }

        var minus = Advance();
        var operand = ParseUnary();
        return operand is null ? null : new NegateNode(operand, minus.Position);
    }

    private ExpressionNode? ParsePrimary()
    {
        switch (Current.Kind)
        {
            case TokenKind.Number:
                var number = Advance();
                return new NumberNode(number.Number, number.Position);
            case TokenKind.Identifier when tokens[_next + 1].Kind == TokenKind.LeftParenthesis:
                return ParseCall();
            case TokenKind.Identifier:
                return ParseName();
            case TokenKind.LeftParenthesis:
                Advance();
                var inner = ParseExpression();
                return inner is null ? null : Expect(TokenKind.RightParenthesis, "')'") ? inner : null;
            default:
                return Fail(OperandExpected);
        }
    }

    private NameNode? ParseName()
    {
        var name = Current;
        if (!MeasureCode.IsValid(name.Text))
        {
            Problem = IndicatorExpression.ProblemAt(
                ExpressionProblemCodes.InvalidName, place, name.Position,
                $"a code: an upper-case letter, then upper-case letters, digits or '_' (at most {MeasureCode.MaxLength})", name.Text);
            return null;
        }

        Advance();
        return new NameNode(new MeasureCode(name.Text), name.Position);
    }

    private FunctionCallNode? ParseCall()
    {
        var name = Advance();
        ExpressionFunction? function = name.Text switch
        {
            "min" => ExpressionFunction.Min,
            "max" => ExpressionFunction.Max,
            _ => null,
        };
        if (function is null)
        {
            Problem = IndicatorExpression.ProblemAt(ExpressionProblemCodes.UnknownFunction, place, name.Position, "min or max", name.Text);
            return null;
        }

        Advance();
        var arguments = new List<ExpressionNode>();
        do
        {
            if (arguments.Count > 0)
            {
                Advance();
            }

            var argument = ParseExpression();
            if (argument is null)
            {
                return null;
            }

            arguments.Add(argument);
        }
        while (Current.Kind == TokenKind.Comma);

        if (!Expect(TokenKind.RightParenthesis, "',' or ')'"))
        {
            return null;
        }

        if (arguments.Count < 2)
        {
            Problem = IndicatorExpression.ProblemAt(
                ExpressionProblemCodes.Arity, place, name.Position, $"{name.Text} of two or more values, e.g. {name.Text}(A, B)", "one value");
            return null;
        }

        return new FunctionCallNode(function.Value, arguments, name.Position);
    }

    private bool Expect(TokenKind kind, string expected)
    {
        if (Current.Kind != kind)
        {
            Fail(expected);
            return false;
        }

        Advance();
        return true;
    }

    private Token Advance() => tokens[_next++];

    private ExpressionNode? Fail(string expected)
    {
        var token = Current;
        Problem = token.Kind == TokenKind.End
            ? IndicatorExpression.ProblemAt(ExpressionProblemCodes.UnexpectedEnd, place, token.Position, expected, "the end of the expression")
            : IndicatorExpression.ProblemAt(ExpressionProblemCodes.Syntax, place, token.Position, expected, token.Text);
        return null;
    }
}
