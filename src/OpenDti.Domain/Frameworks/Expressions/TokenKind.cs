namespace OpenDti.Domain.Frameworks.Expressions;

internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    LeftParenthesis,
    RightParenthesis,
    Comma,
    End,
}
