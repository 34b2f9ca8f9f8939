using System.Globalization;
using OpenDti.Domain.Frameworks.Expressions;
using OpenDti.Domain.Problems;

namespace OpenDti.Domain.Frameworks.Definitions;

/// <summary>Checks one version of a framework: its tree, its nodes, its expressions and the references between them.</summary>
internal sealed class VersionChecker(string frameworkCode, FrameworkVersionDefinition version, IReadOnlySet<string> measureCodes, List<InputProblem> problems)
{
    private readonly ProblemPlace _place = new(Source: $"framework {frameworkCode} {version.Version}");
    private readonly Dictionary<string, FrameworkNodeDefinition> _nodes = new(StringComparer.Ordinal);
    private readonly List<string> _indicators = [];
    private readonly Dictionary<string, IndicatorExpression> _expressions = new(StringComparer.Ordinal);

    /// <summary>Adds every problem of the version to the list; returns the checked version when it has none.</summary>
    public CheckedFrameworkVersion? Check()
    {
        var before = problems.Count;
        if (version.FirstYear is < 1900 or > 2999 || version.LastYear < version.FirstYear || version.LastYear > 2999)
        {
            Add(FrameworkProblemCodes.InvalidYears, null, "a first year in 1900–2999 and no last year, or one not before it", $"{version.FirstYear}–{version.LastYear}");
        }

        if (version.Nodes.Count == 0)
        {
            Add(FrameworkProblemCodes.EmptyVersion, null, "at least one pillar", "no nodes");
        }

        foreach (var node in version.Nodes)
        {
            Visit(node, null);
        }

        var order = CheckReferences();
        CheckRules();
        if (problems.Count > before)
        {
            return null;
        }

        return new CheckedFrameworkVersion(
            version,
            [.. order.Select(code => new MeasureCode(code))],
            _expressions.ToDictionary(e => new MeasureCode(e.Key), e => e.Value));
    }

    private void Visit(FrameworkNodeDefinition node, FrameworkNodeDefinition? parent)
    {
        CheckCode(node);
        if (node.Name.Length == 0)
        {
            Add(FrameworkProblemCodes.MissingName, node.Code, "a Vietnamese name", "an empty name");
        }

        if (!IsAllowed(parent?.Kind, node.Kind))
        {
            var under = parent is null ? "the top of the version" : $"{KindName(parent.Kind)} {parent.Code}";
            Add(FrameworkProblemCodes.MisplacedNode, node.Code, AllowedUnder(parent?.Kind), $"{KindName(node.Kind)} under {under}");
        }

        if (node.Weight is { } weight && !(weight >= 0 && double.IsFinite(weight)))
        {
            Add(FrameworkProblemCodes.NegativeWeight, node.Code, "a weight of 0 or more, or none while the official weight is unknown", weight.ToString(CultureInfo.InvariantCulture));
        }

        if (node.Direction is not (1 or -1))
        {
            Add(FrameworkProblemCodes.InvalidDirection, node.Code, "1 (higher is better) or -1 (lower is better)", node.Direction.ToString(CultureInfo.InvariantCulture));
        }

        if (node.GoalpostLow is { } low && low == node.GoalpostHigh)
        {
            Add(FrameworkProblemCodes.EqualGoalposts, node.Code, "a low goalpost (scores 0) different from the high one (scores full marks)", low.ToString(CultureInfo.InvariantCulture));
        }

        CheckExpression(node);
        foreach (var child in node.Children)
        {
            Visit(child, node);
        }
    }

    private void CheckCode(FrameworkNodeDefinition node)
    {
        if (!MeasureCode.IsValid(node.Code))
        {
            Add(FrameworkProblemCodes.InvalidCode, node.Code, FrameworkChecker.CodeForm, node.Code);
        }
        else if (measureCodes.Contains(node.Code))
        {
            // Not registered as a node: references to the code keep meaning the measure, so one mistake gives one problem.
            Add(FrameworkProblemCodes.DuplicateCode, node.Code, "a code not already used by a measure, so that expressions are not ambiguous", node.Code);
        }
        else if (!_nodes.TryAdd(node.Code, node))
        {
            Add(FrameworkProblemCodes.DuplicateCode, node.Code, "a code used by one node of the version only", node.Code);
        }
    }

    private void CheckExpression(FrameworkNodeDefinition node)
    {
        var hasExpression = !string.IsNullOrWhiteSpace(node.Expression);
        if (node.Kind != FrameworkNodeKind.Indicator)
        {
            if (hasExpression)
            {
                Add(FrameworkProblemCodes.UnexpectedExpression, node.Code, $"no expression on a {KindName(node.Kind)}: its value comes from the nodes below it", node.Expression);
            }

            return;
        }

        _indicators.Add(node.Code);
        if (!hasExpression)
        {
            Add(FrameworkProblemCodes.MissingExpression, node.Code, "an expression over measures, e.g. A / B * 100", null);
            return;
        }

        var parsed = IndicatorExpression.Parse(node.Expression!, _place with { Field = node.Code });
        problems.AddRange(parsed.Problems);
        if (parsed.Succeeded && MeasureCode.IsValid(node.Code))
        {
            _expressions.TryAdd(node.Code, parsed.Expression);
        }
    }

    private IReadOnlyList<string> CheckReferences()
    {
        var references = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (code, expression) in _expressions)
        {
            var indicators = new List<string>();
            foreach (var name in expression.Names)
            {
                var found = _nodes.GetValueOrDefault(name.Value);
                if (found?.Kind == FrameworkNodeKind.Indicator)
                {
                    indicators.Add(name.Value);
                }
                else if (found is not null || !measureCodes.Contains(name.Value))
                {
                    var what = found is null ? name.Value : $"{name.Value}, a {KindName(found.Kind)}";
                    problems.Add(IndicatorExpression.ProblemAt(
                        FrameworkProblemCodes.UnknownName, _place with { Field = code }, expression.FirstPosition(name),
                        "the code of a measure or of an indicator of this version", what));
                }
            }

            references[code] = indicators;
        }

        var (order, cycles) = IndicatorGraph.Sort(_indicators, references);
        foreach (var cycle in cycles)
        {
            Add(FrameworkProblemCodes.Cycle, cycle[0], "indicators that do not refer to themselves, directly or through others", string.Join(" → ", cycle));
        }

        return order;
    }

    private void CheckRules()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in version.Rules)
        {
            if (!MeasureCode.IsValid(rule.Code) || !codes.Add(rule.Code))
            {
                Add(FrameworkProblemCodes.InvalidCode, rule.Code, "a rule code unique in the version, " + FrameworkChecker.CodeForm, rule.Code);
            }

            if (rule.Message.Length == 0)
            {
                Add(FrameworkProblemCodes.MissingName, rule.Code, "a Vietnamese message for the person entering data", "an empty message");
            }

            var (parsed, ruleProblems) = RuleExpression.Parse(rule.Rule, _place with { Field = rule.Code });
            problems.AddRange(ruleProblems);
            foreach (var name in parsed?.Names ?? [])
            {
                if (!measureCodes.Contains(name.Value))
                {
                    Add(FrameworkProblemCodes.UnknownName, rule.Code, "the code of a measure (rules compare reported values)", name.Value);
                }
            }
        }
    }

    private void Add(string code, string? field, string expected, string? found) =>
        problems.Add(new InputProblem(code, _place with { Field = field }, expected, found));

    private static bool IsAllowed(FrameworkNodeKind? parent, FrameworkNodeKind kind) => (parent, kind) switch
    {
        (null, FrameworkNodeKind.Pillar) => true,
        (FrameworkNodeKind.Pillar, FrameworkNodeKind.Group or FrameworkNodeKind.Indicator) => true,
        (FrameworkNodeKind.Group, FrameworkNodeKind.Indicator) => true,
        _ => false,
    };

    private static string AllowedUnder(FrameworkNodeKind? parent) => parent switch
    {
        null => "only pillars at the top of a version",
        FrameworkNodeKind.Pillar => "groups or indicators under a pillar",
        FrameworkNodeKind.Group => "indicators under a group",
        _ => "nothing under an indicator",
    };

    private static string KindName(FrameworkNodeKind kind) => kind switch
    {
        FrameworkNodeKind.Pillar => "pillar",
        FrameworkNodeKind.Group => "group",
        _ => "indicator",
    };
}
