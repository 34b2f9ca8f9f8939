using System.Globalization;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>
/// The formula of an indicator over measures and other indicators, such as
/// <c>ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100</c>.
/// </summary>
/// <remarks>
/// <para>
/// The language: names are codes (<see cref="MeasureCode"/>: an upper-case letter, then upper-case letters,
/// digits or '_'); numbers are written with digits and an optional '.' decimal point, whatever the culture
/// (<c>100</c>, <c>0.5</c>); the operators are <c>+ - * /</c> with the usual precedence and left
/// associativity, unary minus and parentheses; <c>min(a, b, …)</c> and <c>max(a, b, …)</c> take two or more
/// values. White space is ignored.
/// </para>
/// <para>
/// A division by a constant that is zero (<c>A / 0</c>, <c>A / (2 - 2)</c>) is refused when parsing, since it
/// can never give a value. A divisor that is zero only for some data is allowed: see <see cref="Evaluate"/>.
/// </para>
/// </remarks>
public sealed class IndicatorExpression
{
    /// <summary>The longest expression accepted, in characters.</summary>
    public const int MaxLength = 1000;

    private readonly ExpressionNode _root;

    private IndicatorExpression(string text, ExpressionNode root)
    {
        Text = text;
        _root = root;
        Names = root.DescendantsAndSelf().OfType<NameNode>().Select(n => n.Code).Distinct().ToList();
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The codes the expression refers to, each once, in order of first appearance.</summary>
    public IReadOnlyList<MeasureCode> Names { get; }

    /// <summary>Reads an expression; see <see cref="Parse(string, ProblemPlace)"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public static ExpressionParseResult Parse(string text) => Parse(text, new ProblemPlace());

    /// <summary>
    /// Reads an expression. Bad input is not thrown: the result then holds the problems, each with the
    /// 1-based character position as "position N" in <see cref="ProblemPlace.Column"/> and the other parts of
    /// <paramref name="place"/> (say, the framework as source and the indicator code as field). Every invalid
    /// character is reported; of syntax errors, only the first; division by a constant zero, every one.
    /// </summary>
    /// <param name="text">The expression.</param>
    /// <param name="place">Where the expression comes from; its <see cref="ProblemPlace.Column"/> is replaced.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static ExpressionParseResult Parse(string text, ProblemPlace place)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(place);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExpressionParseResult.Failure([ProblemAt(ExpressionProblemCodes.Empty, place, 1, "an expression such as A / B * 100", null)]);
        }

        if (text.Length > MaxLength)
        {
            return ExpressionParseResult.Failure([ProblemAt(
                ExpressionProblemCodes.TooLong, place, MaxLength + 1, $"at most {MaxLength} characters", $"{text.Length} characters")]);
        }

        var problems = new List<InputProblem>();
        var tokens = ExpressionTokenizer.Tokenize(text, place, problems);
        if (problems.Count > 0)
        {
            return ExpressionParseResult.Failure(problems);
        }

        var parser = new ExpressionParser(tokens, place);
        var root = parser.ParseAll();
        if (root is null)
        {
            return ExpressionParseResult.Failure([parser.Problem!]);
        }

        problems.AddRange(
            from node in root.DescendantsAndSelf().OfType<BinaryNode>()
            where node.Operator == BinaryOperator.Divide && node.Right.Evaluate(_ => null) == 0
            select ProblemAt(ExpressionProblemCodes.DivisionByZero, place, node.Position, "a divisor that is not always zero", "a divisor that is always 0"));
        return problems.Count > 0 ? ExpressionParseResult.Failure(problems) : ExpressionParseResult.Success(new IndicatorExpression(text, root));
    }

    /// <summary>
    /// Computes the value, asking <paramref name="lookup"/> for the value of each name (a measure's value for
    /// the unit and period, or an indicator computed before). Returns null — never throws, never NaN or
    /// infinity — when a name has no value (<paramref name="lookup"/> returns null), when a divisor is zero
    /// for these data (e.g. a unit that offers no online services at all), or when a step overflows. A
    /// missing value thus stays missing rather than turning into a zero.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="lookup"/> is null.</exception>
    public double? Evaluate(Func<MeasureCode, double?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return _root.Evaluate(lookup);
    }

    /// <summary>The expression as written.</summary>
    public override string ToString() => Text;

    /// <summary>The 1-based position where <paramref name="name"/> first appears, or 0 when it does not.</summary>
    internal int FirstPosition(MeasureCode name) =>
        _root.DescendantsAndSelf().OfType<NameNode>().FirstOrDefault(n => n.Code == name)?.Position ?? 0;

    internal static InputProblem ProblemAt(string code, ProblemPlace place, int position, string expected, string? found) =>
        new(code, place with { Column = string.Create(CultureInfo.InvariantCulture, $"position {position}") }, expected, found);
}
