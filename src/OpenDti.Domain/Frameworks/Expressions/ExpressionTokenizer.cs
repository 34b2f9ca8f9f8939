using System.Globalization;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>Splits an expression into tokens, reporting every character that has no place in it.</summary>
internal static class ExpressionTokenizer
{
    public static List<Token> Tokenize(string text, ProblemPlace place, List<InputProblem> problems)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(text, i, place, problems, tokens);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start + 1));
            }
            else if (SymbolKind(c) is { } kind)
            {
                tokens.Add(new Token(kind, c.ToString(), start + 1));
                i++;
            }
            else
            {
                problems.Add(IndicatorExpression.ProblemAt(
                    ExpressionProblemCodes.InvalidCharacter, place, start + 1,
                    "a code, a number with '.' as decimal point, + - * / ( ) or , between function arguments",
                    c.ToString()));
                i++;
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    private static int ReadNumber(string text, int i, ProblemPlace place, List<InputProblem> problems, List<Token> tokens)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fractionStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == fractionStart)
            {
                problems.Add(IndicatorExpression.ProblemAt(
                    ExpressionProblemCodes.InvalidNumber, place, start + 1, "a digit after the decimal point, e.g. 0.5", text[start..i]));
                return i;
            }
        }

        var written = text[start..i];
        var value = double.Parse(written, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            problems.Add(IndicatorExpression.ProblemAt(
                ExpressionProblemCodes.InvalidNumber, place, start + 1, "a number that fits a double", written));
            return i;
        }

        tokens.Add(new Token(TokenKind.Number, written, start + 1, value));
        return i;
    }

    private static TokenKind? SymbolKind(char c) => c switch
    {
        '+' => TokenKind.Plus,
        '-' => TokenKind.Minus,
        '*' => TokenKind.Star,
        '/' => TokenKind.Slash,
        '(' => TokenKind.LeftParenthesis,
        ')' => TokenKind.RightParenthesis,
        ',' => TokenKind.Comma,
        _ => null,
    };
}
