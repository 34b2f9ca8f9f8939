using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Tests.Frameworks;

public sealed class IndicatorExpressionTests
{
    private static readonly Dictionary<string, double?> Values = new()
    {
        ["ONLINE_SERVICES_L4"] = 1234,
        ["ONLINE_SERVICES_TOTAL"] = 1600,
        ["ZERO"] = 0,
        ["MISSING"] = null,
    };

    [Theory]
    [InlineData("1+2*3", 7)] // 2*3 first: 1 + 6
    [InlineData("(1+2)*3", 9)]
    [InlineData("8-4-2", 2)] // left to right: (8 - 4) - 2
    [InlineData("8/4/2", 1)] // (8 / 4) / 2
    [InlineData("-2*3", -6)]
    [InlineData("2*-3", -6)]
    [InlineData("--4", 4)]
    [InlineData("10 - -2", 12)]
    [InlineData("0.5 * 100", 50)]
    [InlineData("min(3, 1.5)", 1.5)]
    [InlineData("max(3, 1.5, 7)", 7)]
    [InlineData("max(2 * 3, 10 / 4) + 1", 7)] // max(6, 2.5) + 1
    public void ConstantExpression_EvaluatesWithUsualPrecedence(string text, double expected)
    {
        var expression = Parse(text);

        var value = expression.Evaluate(_ => null);

        Assert.Equal(expected, value);
    }

    [Fact]
    public void Ratio_EvaluatesFromLookedUpValues()
    {
        var expression = Parse("ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100");

        var value = expression.Evaluate(Lookup);

        Assert.Equal(77.125, value); // 1234 / 1600 = 0.77125, × 100
    }

    [Fact]
    public void RepeatedNames_AreListedOnceInOrderOfFirstAppearance()
    {
        var expression = Parse("B / (A + B) * 100 + min(C, A)");

        var names = expression.Names.Select(n => n.Value);

        Assert.Equal(["B", "A", "C"], names);
    }

    [Fact]
    public void MissingInput_GivesNull()
    {
        var expression = Parse("ONLINE_SERVICES_L4 + MISSING * 0");

        var value = expression.Evaluate(Lookup);

        Assert.Null(value);
    }

    [Fact]
    public void DivisorZeroAtRunTime_GivesNull()
    {
        var expression = Parse("ONLINE_SERVICES_L4 / ZERO * 100");

        var value = expression.Evaluate(Lookup);

        Assert.Null(value);
    }

    [Fact]
    public void OverflowAtRunTime_GivesNull()
    {
        var expression = Parse("A * A");

        var value = expression.Evaluate(_ => 1e200);

        Assert.Null(value);
    }

    [Theory]
    [InlineData("A / 0", 3)]
    [InlineData("A / (2 - 2)", 3)]
    [InlineData("100 * A / -0.0", 9)]
    public void DivisionByConstantZero_IsAProblemAtTheOperator(string text, int position)
    {
        var result = IndicatorExpression.Parse(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ExpressionProblemCodes.DivisionByZero, problem.Code);
        Assert.Equal($"position {position}", problem.Place.Column);
    }

    [Fact]
    public void DivisorWithAName_IsNotAConstant()
    {
        var result = IndicatorExpression.Parse("A / (0 * B)");

        Assert.True(result.Succeeded); // zero for every value of B, but B may be missing: evaluation gives null either way
    }

    [Theory]
    [InlineData("A +", ExpressionProblemCodes.UnexpectedEnd, 4)]
    [InlineData("(A + B", ExpressionProblemCodes.UnexpectedEnd, 7)]
    [InlineData("A B", ExpressionProblemCodes.Syntax, 3)]
    [InlineData("A * ) + B", ExpressionProblemCodes.Syntax, 5)]
    [InlineData("A + 1,5", ExpressionProblemCodes.Syntax, 6)]
    [InlineData("+A", ExpressionProblemCodes.Syntax, 1)]
    [InlineData("A % B", ExpressionProblemCodes.InvalidCharacter, 3)]
    [InlineData("A + Đ", ExpressionProblemCodes.InvalidCharacter, 5)]
    [InlineData("A / 1.", ExpressionProblemCodes.InvalidNumber, 5)]
    [InlineData("A + online_services", ExpressionProblemCodes.InvalidName, 5)]
    [InlineData("sqrt(A)", ExpressionProblemCodes.UnknownFunction, 1)]
    [InlineData("MIN(A, B)", ExpressionProblemCodes.UnknownFunction, 1)]
    [InlineData("max(A)", ExpressionProblemCodes.Arity, 1)]
    [InlineData("  ", ExpressionProblemCodes.Empty, 1)]
    public void MalformedText_GivesOneProblemWithItsPosition(string text, string code, int position)
    {
        var result = IndicatorExpression.Parse(text);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal($"position {position}", problem.Place.Column);
    }

    [Fact]
    public void SeveralInvalidCharacters_AreAllReported()
    {
        var result = IndicatorExpression.Parse("A; B & C"); // ';' is the 2nd character, '&' the 6th

        var found = result.Problems.Select(p => (p.Code, p.Place.Column, p.Found));

        Assert.Equal(
            [
                (ExpressionProblemCodes.InvalidCharacter, "position 2", ";"),
                (ExpressionProblemCodes.InvalidCharacter, "position 6", "&"),
            ],
            found);
    }

    [Fact]
    public void ProblemPlace_KeepsSourceAndFieldOfTheCaller()
    {
        var place = new ProblemPlace(Source: "framework CT749 2020", Field: "DVC_L4");

        var result = IndicatorExpression.Parse("ONLINE_SERVICES_L4 /", place);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(new ProblemPlace(Source: "framework CT749 2020", Column: "position 21", Field: "DVC_L4"), problem.Place);
        Assert.Equal("the end of the expression", problem.Found);
    }

    [Fact]
    public void TooLongText_IsAProblem()
    {
        var text = string.Join(" + ", Enumerable.Repeat("A", 400)); // 400 × 1 + 399 × 3 = 1,597 characters

        var result = IndicatorExpression.Parse(text);

        Assert.Equal(ExpressionProblemCodes.TooLong, Assert.Single(result.Problems).Code);
    }

    private static IndicatorExpression Parse(string text)
    {
        var result = IndicatorExpression.Parse(text);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Expression;
    }

    private static double? Lookup(MeasureCode code) => Values[code.Value];
}
