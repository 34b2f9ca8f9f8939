using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Expressions;

/// <summary>
/// A validation rule across measures: two expressions compared, such as
/// <c>ONLINE_SERVICES_L4 &lt;= ONLINE_SERVICES_TOTAL</c> or <c>PEOPLE_WITH_EPAYMENT_ACCOUNT / ADULT_POPULATION * 100 &lt;= 100</c>.
/// </summary>
public sealed class RuleExpression
{
    private static readonly string[] Operators = ["<=", ">=", "<", ">", "="];

    private RuleExpression(string text, IndicatorExpression left, string comparison, IndicatorExpression right)
    {
        Text = text;
        Left = left;
        Comparison = comparison;
        Right = right;
    }

    /// <summary>The rule as written.</summary>
    public string Text { get; }

    /// <summary>The left-hand side.</summary>
    public IndicatorExpression Left { get; }

    /// <summary>One of <c>&lt;=</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>=</c>.</summary>
    public string Comparison { get; }

    /// <summary>The right-hand side.</summary>
    public IndicatorExpression Right { get; }

    /// <summary>The codes either side refers to.</summary>
    public IEnumerable<MeasureCode> Names => Left.Names.Union(Right.Names);

    /// <summary>Reads a rule; problems name <paramref name="place"/>.</summary>
    public static (RuleExpression? Rule, IReadOnlyList<InputProblem> Problems) Parse(string text, ProblemPlace place)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(place);
        var at = -1;
        var comparison = string.Empty;
        foreach (var op in Operators)
        {
            var index = text.IndexOf(op, StringComparison.Ordinal);
            if (index >= 0 && (at < 0 || index < at))
            {
                (at, comparison) = (index, op);
            }
        }

        if (at < 0)
        {
            return (null, [new InputProblem(ExpressionProblemCodes.Syntax, place, "two expressions compared with <=, >=, <, > or =", text)]);
        }

        var left = IndicatorExpression.Parse(text[..at], place);
        var right = IndicatorExpression.Parse(text[(at + comparison.Length)..], place);
        var problems = left.Problems.Concat(right.Problems).ToList();
        if (Operators.Any(op => text[(at + comparison.Length)..].Contains(op, StringComparison.Ordinal)))
        {
            problems.Add(new InputProblem(ExpressionProblemCodes.Syntax, place, "one comparison only", text));
        }

        return problems.Count == 0 && left.Succeeded && right.Succeeded
            ? (new RuleExpression(text.Trim(), left.Expression, comparison, right.Expression), [])
            : (null, problems);
    }

    /// <summary>
    /// True when the rule holds, false when it is broken, null when a side cannot be computed (a value is
    /// missing): a rule is only judged on the values that are there; "required" is checked separately.
    /// Equality allows a relative difference of 1e-9, for sums of decimals.
    /// </summary>
    public bool? Holds(Func<MeasureCode, double?> lookup)
    {
        if (Left.Evaluate(lookup) is not { } left || Right.Evaluate(lookup) is not { } right)
        {
            return null;
        }

        var tolerance = 1e-9 * Math.Max(1, Math.Max(Math.Abs(left), Math.Abs(right)));
        return Comparison switch
        {
            "<=" => left <= right + tolerance,
            ">=" => left >= right - tolerance,
            "<" => left < right,
            ">" => left > right,
            _ => Math.Abs(left - right) <= tolerance,
        };
    }
}
