using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Definitions;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Tests.Frameworks;

public sealed class FrameworkCheckerTests
{
    private const string Source = "framework TEST 2024";

    private static readonly MeasureDefinition[] Measures =
    [
        Measure("ONLINE_SERVICES_L4", "Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình"),
        Measure("ONLINE_SERVICES_TOTAL", "Tổng số thủ tục cung cấp dịch vụ công trực tuyến"),
        Measure("WORK_DOSSIERS_PROVINCE", "Tổng số hồ sơ công việc tại cấp tỉnh"),
        Measure("WORK_DOSSIERS_PROVINCE_ONLINE", "Số hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng"),
    ];

    [Fact]
    public void ValidDefinition_HasNoProblems()
    {
        var framework = Framework(
            Pillar("DIGITAL_GOVERNMENT",
                Group("ONLINE_SERVICES",
                    Indicator("DVC_L4", "ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100")),
                Indicator("HSCV_TINH", "WORK_DOSSIERS_PROVINCE_ONLINE / WORK_DOSSIERS_PROVINCE * 100")));

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.Empty(result.Problems);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void IndicatorsReferringToIndicators_AreOrderedReferencedFirst()
    {
        var framework = Framework(
            Pillar("DIGITAL_GOVERNMENT",
                Indicator("MEAN", "(DVC_L4 + HSCV_TINH) / 2"),
                Indicator("DVC_L4", "ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100"),
                Indicator("GAP", "MEAN - HSCV_TINH"),
                Indicator("HSCV_TINH", "WORK_DOSSIERS_PROVINCE_ONLINE / WORK_DOSSIERS_PROVINCE * 100")));

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var order = result.Framework.Versions.Single().EvaluationOrder.Select(c => c.Value);
        // MEAN needs DVC_L4 and HSCV_TINH; GAP needs MEAN (already placed) and HSCV_TINH.
        Assert.Equal(["DVC_L4", "HSCV_TINH", "MEAN", "GAP"], order);
    }

    [Fact]
    public void UnknownMeasure_IsAProblemNamingTheIndicatorAndThePosition()
    {
        var framework = Framework(Pillar("DIGITAL_GOVERNMENT", Indicator("DVC_L4", "ONLINE_SERVICES_L4 / ONLINE_SERVICES_ALL * 100")));

        var result = FrameworkChecker.Check(framework, Measures);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(FrameworkProblemCodes.UnknownName, problem.Code);
        Assert.Equal(new ProblemPlace(Source: Source, Column: "position 22", Field: "DVC_L4"), problem.Place);
        Assert.Equal("ONLINE_SERVICES_ALL", problem.Found);
    }

    [Fact]
    public void ReferenceToAPillar_IsAnUnknownName()
    {
        var framework = Framework(Pillar("DIGITAL_GOVERNMENT", Indicator("DVC_L4", "DIGITAL_GOVERNMENT * 2")));

        var result = FrameworkChecker.Check(framework, Measures);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(FrameworkProblemCodes.UnknownName, problem.Code);
        Assert.Equal("DIGITAL_GOVERNMENT, a pillar", problem.Found);
    }

    [Fact]
    public void DivisionByConstantZero_IsAProblemNamingTheIndicator()
    {
        var framework = Framework(Pillar("DIGITAL_GOVERNMENT", Indicator("DVC_L4", "ONLINE_SERVICES_L4 / (1 - 1)")));

        var result = FrameworkChecker.Check(framework, Measures);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ExpressionProblemCodes.DivisionByZero, problem.Code);
        Assert.Equal(new ProblemPlace(Source: Source, Column: "position 20", Field: "DVC_L4"), problem.Place);
    }

    [Fact]
    public void SyntaxError_IsAProblemNamingTheIndicator()
    {
        var framework = Framework(Pillar("DIGITAL_GOVERNMENT", Indicator("DVC_L4", "ONLINE_SERVICES_L4 / * 100")));

        var result = FrameworkChecker.Check(framework, Measures);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ExpressionProblemCodes.Syntax, problem.Code);
        Assert.Equal(new ProblemPlace(Source: Source, Column: "position 22", Field: "DVC_L4"), problem.Place);
    }

    [Fact]
    public void IndicatorsReferringToEachOther_AreACycleNamingBoth()
    {
        var framework = Framework(
            Pillar("DIGITAL_GOVERNMENT",
                Indicator("A", "B + ONLINE_SERVICES_L4"),
                Indicator("B", "A * 2")));

        var result = FrameworkChecker.Check(framework, Measures);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(FrameworkProblemCodes.Cycle, problem.Code);
        Assert.Equal("A → B → A", problem.Found);
        Assert.Equal(new ProblemPlace(Source: Source, Field: "A"), problem.Place);
    }

    [Fact]
    public void IndicatorReferringToItself_IsACycle()
    {
        var framework = Framework(Pillar("DIGITAL_GOVERNMENT", Indicator("A", "A + 1")));

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.Equal("A → A", Assert.Single(result.Problems).Found);
    }

    [Fact]
    public void LongerCycle_IsNamedFromWhereItWasEntered()
    {
        var framework = Framework(
            Pillar("DIGITAL_GOVERNMENT",
                Indicator("START", "A"),
                Indicator("A", "B"),
                Indicator("B", "C"),
                Indicator("C", "A")));

        var result = FrameworkChecker.Check(framework, Measures);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("A → B → C → A", problem.Found); // START leads into the cycle but is not part of it
    }

    [Fact]
    public void DuplicateCodes_AreProblemsNamingTheCode()
    {
        var framework = Framework(
            Pillar("DIGITAL_GOVERNMENT",
                Indicator("DVC_L4", "ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100"),
                Indicator("DVC_L4", "ONLINE_SERVICES_L4"),
                Indicator("ONLINE_SERVICES_TOTAL", "ONLINE_SERVICES_TOTAL")));

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.Equal(
            [
                (FrameworkProblemCodes.DuplicateCode, "DVC_L4"),
                (FrameworkProblemCodes.DuplicateCode, "ONLINE_SERVICES_TOTAL"), // a node may not take a measure's code
            ],
            result.Problems.Select(p => (p.Code, p.Place.Field)));
    }

    [Fact]
    public void ExpressionsOnTheWrongKinds_AreProblems()
    {
        var pillar = Pillar("DIGITAL_GOVERNMENT", Indicator("DVC_L4", null)) with { Expression = "ONLINE_SERVICES_L4" };
        var framework = Framework(pillar);

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.Equal(
            [
                (FrameworkProblemCodes.UnexpectedExpression, "DIGITAL_GOVERNMENT"),
                (FrameworkProblemCodes.MissingExpression, "DVC_L4"),
            ],
            result.Problems.Select(p => (p.Code, p.Place.Field)));
    }

    [Fact]
    public void BadNumbers_AreProblemsNamingTheIndicator()
    {
        var indicator = Indicator("DVC_L4", "ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100") with
        {
            Weight = -0.5,
            Direction = 0,
            GoalpostLow = 100,
            GoalpostHigh = 100,
        };
        var framework = Framework(Pillar("DIGITAL_GOVERNMENT", indicator));

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.Equal(
            [
                (FrameworkProblemCodes.NegativeWeight, "DVC_L4", "-0.5"),
                (FrameworkProblemCodes.InvalidDirection, "DVC_L4", "0"),
                (FrameworkProblemCodes.EqualGoalposts, "DVC_L4", "100"),
            ],
            result.Problems.Select(p => (p.Code, p.Place.Field, p.Found)));
    }

    [Fact]
    public void NodesInTheWrongPlace_AreProblemsSayingWhereTheyAre()
    {
        var framework = Framework(
            Indicator("DVC_L4", "ONLINE_SERVICES_L4"),
            Pillar("DIGITAL_GOVERNMENT",
                Group("ONLINE_SERVICES",
                    Pillar("INNER_PILLAR"),
                    Indicator("HSCV_TINH", "WORK_DOSSIERS_PROVINCE") with { Children = [Indicator("LEAF", "ONLINE_SERVICES_L4")] })));

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.Equal(
            [
                (FrameworkProblemCodes.MisplacedNode, "DVC_L4", "indicator under the top of the version"),
                (FrameworkProblemCodes.MisplacedNode, "INNER_PILLAR", "pillar under group ONLINE_SERVICES"),
                (FrameworkProblemCodes.MisplacedNode, "LEAF", "indicator under indicator HSCV_TINH"),
            ],
            result.Problems.Select(p => (p.Code, p.Place.Field, p.Found)));
    }

    [Fact]
    public void ProblemsInSeveralVersions_AreAllReportedAtOnce()
    {
        var framework = Framework() with
        {
            Versions =
            [
                Version("2022", 2022, Pillar("DIGITAL_GOVERNMENT", Indicator("DVC_L4", "NOWHERE"))) with { LastYear = 2024 },
                Version("2025", 2025, Pillar("DIGITAL_GOVERNMENT", Indicator("DVC_L4", "A / 0"))),
                Version("2025", 2026, Pillar("DIGITAL_GOVERNMENT")) with { LastYear = 2020 },
            ],
        };

        var result = FrameworkChecker.Check(framework, Measures);

        Assert.Equal(
            [
                (FrameworkProblemCodes.InvalidVersion, "framework TEST"),
                (FrameworkProblemCodes.UnknownName, "framework TEST 2022"),
                (ExpressionProblemCodes.DivisionByZero, "framework TEST 2025"),
                (FrameworkProblemCodes.InvalidYears, "framework TEST 2025"),
            ],
            result.Problems.Select(p => (p.Code, p.Place.Source!)));
        Assert.Null(result.Framework);
    }

    [Fact]
    public void CheckedFramework_BecomesAFlatNodeListLinkedByParent()
    {
        var framework = Framework(
            Pillar("DIGITAL_GOVERNMENT",
                Group("ONLINE_SERVICES",
                    Indicator("DVC_L4", "ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100")),
                Indicator("HSCV_TINH", "WORK_DOSSIERS_PROVINCE_ONLINE / WORK_DOSSIERS_PROVINCE * 100")));
        var result = FrameworkChecker.Check(framework, Measures);
        Assert.True(result.Succeeded);

        var entity = result.Framework.ToEntity();

        var version = Assert.Single(entity.Versions);
        Assert.Same(entity, version.Framework);
        Assert.Equal(
            [
                ("DIGITAL_GOVERNMENT", FrameworkNodeKind.Pillar, (string?)null, 1),
                ("ONLINE_SERVICES", FrameworkNodeKind.Group, "DIGITAL_GOVERNMENT", 1),
                ("DVC_L4", FrameworkNodeKind.Indicator, "ONLINE_SERVICES", 1),
                ("HSCV_TINH", FrameworkNodeKind.Indicator, "DIGITAL_GOVERNMENT", 2),
            ],
            version.Nodes.Select(n => (n.Code.Value, n.Kind, n.Parent?.Code.Value, n.Position)));
    }

    [Fact]
    public void MeasureCatalogue_WithBadCodes_ListsEveryProblem()
    {
        MeasureDefinition[] measures =
        [
            Measure("ONLINE_SERVICES_L4", "Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình"),
            Measure("ONLINE_SERVICES_L4", "Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình"),
            Measure("online_services", "Tổng số thủ tục") with { UnitOfMeasure = " " },
        ];

        var problems = FrameworkChecker.CheckMeasures(measures);

        Assert.Equal(
            [
                (FrameworkProblemCodes.DuplicateCode, "ONLINE_SERVICES_L4"),
                (FrameworkProblemCodes.InvalidCode, "online_services"),
                (FrameworkProblemCodes.MissingUnit, "online_services"),
            ],
            problems.Select(p => (p.Code, p.Place.Field)));
    }

    private static MeasureDefinition Measure(string code, string name) => new()
    {
        Code = code,
        Name = name,
        UnitOfMeasure = "thủ tục",
        Aggregation = MeasureAggregation.Sum,
    };

    private static FrameworkDefinition Framework(params FrameworkNodeDefinition[] pillars) => new()
    {
        Code = "TEST",
        Name = "Bộ chỉ số thử nghiệm",
        Versions = [Version("2024", 2024, pillars)],
    };

    private static FrameworkVersionDefinition Version(string label, int firstYear, params FrameworkNodeDefinition[] pillars) => new()
    {
        Version = label,
        FirstYear = firstYear,
        Nodes = pillars,
    };

    private static FrameworkNodeDefinition Pillar(string code, params FrameworkNodeDefinition[] children) => new()
    {
        Code = code,
        Kind = FrameworkNodeKind.Pillar,
        Name = "Chính quyền số",
        Children = children,
    };

    private static FrameworkNodeDefinition Group(string code, params FrameworkNodeDefinition[] children) => new()
    {
        Code = code,
        Kind = FrameworkNodeKind.Group,
        Name = "Dịch vụ công trực tuyến",
        Children = children,
    };

    private static FrameworkNodeDefinition Indicator(string code, string? expression) => new()
    {
        Code = code,
        Kind = FrameworkNodeKind.Indicator,
        Name = "Tỷ lệ dịch vụ công trực tuyến toàn trình",
        Expression = expression,
        UnitOfMeasure = "%",
    };
}
