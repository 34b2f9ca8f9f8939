namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>A token of an expression; <paramref name="Position"/> is the 1-based index of its first character.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0);
