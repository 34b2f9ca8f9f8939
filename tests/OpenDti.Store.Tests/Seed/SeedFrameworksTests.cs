using System.Text;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Frameworks.Definitions;
using OpenDti.Store.Seed;

namespace OpenDti.Store.Tests.Seed;

public sealed class SeedFrameworksTests
{
    [Fact]
    public void EmbeddedSeed_ReadsWithoutProblems()
    {
        var (seed, problems) = SeedFrameworks.Read();

        Assert.Empty(problems);
        Assert.Equal(["CT749", "DTI_PROVINCE", "PUBLIC_SERVICES"], seed!.Frameworks.Select(f => f.Definition.Code));
    }

    [Fact]
    public void Ct749_HasAnIndicatorPerProvincialTargetWithItsExpression()
    {
        var ct749 = Framework("CT749");

        var expressions = Indicators(ct749).ToDictionary(n => n.Code, n => n.Expression, StringComparer.Ordinal);

        Assert.Equal(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["DVC_L4"] = "ONLINE_SERVICES_L4 / ONLINE_SERVICES_TOTAL * 100",
                ["HSCV_TINH"] = "WORK_DOSSIERS_PROVINCE_ONLINE / WORK_DOSSIERS_PROVINCE * 100",
                ["HSCV_HUYEN"] = "WORK_DOSSIERS_DISTRICT_ONLINE / WORK_DOSSIERS_DISTRICT * 100",
                ["HSCV_XA"] = "WORK_DOSSIERS_COMMUNE_ONLINE / WORK_DOSSIERS_COMMUNE * 100",
                ["KTS_GDP"] = "DIGITAL_ECONOMY_VALUE / GRDP * 100",
                ["NSLD"] = "LABOUR_PRODUCTIVITY_GROWTH",
                ["TK_TTDT"] = "PEOPLE_WITH_EPAYMENT_ACCOUNT / ADULT_POPULATION * 100",
                ["OFFICIALS_TRAINED_SHARE"] = "OFFICIALS_TRAINED / OFFICIALS_TOTAL * 100",
            },
            expressions);
    }

    [Fact]
    public void Ct749_LeavesOutOnlyTheTargetsThatAreNotProvincialFigures()
    {
        var targetIds = ReadEmbedded("vn/targets-749.csv")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)]);

        var indicatorCodes = Indicators(Framework("CT749")).Select(n => n.Code);

        // IDI_TOP30 and GII_TOP30 are national ranks; KTS_NGANH needs per-sector figures.
        Assert.Equal(["GII_TOP30", "IDI_TOP30", "KTS_NGANH"], targetIds.Except(indicatorCodes).Order(StringComparer.Ordinal));
        // The one indicator of OpenDTI's own: the share of officials trained (fed by the Events module).
        Assert.Equal(["OFFICIALS_TRAINED_SHARE"], indicatorCodes.Except(targetIds));
    }

    [Fact]
    public void PublicServices_SharesAreRatiosOfTheIngestedMeasures_WithoutWeights()
    {
        var services = Framework("PUBLIC_SERVICES");

        var indicators = Indicators(services).ToList();

        Assert.Equal(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["DOSSIERS_ONLINE_SHARE"] = "PUBLIC_DOSSIERS_RECEIVED_ONLINE / PUBLIC_DOSSIERS_RECEIVED * 100",
                ["DOSSIERS_ON_TIME_SHARE"] = "PUBLIC_DOSSIERS_RESOLVED_ON_TIME / PUBLIC_DOSSIERS_RESOLVED * 100",
                ["FULL_ONLINE_PROCEDURES_USED_SHARE"] = "PUBLIC_FULL_ONLINE_PROCEDURES_USED / PUBLIC_FULL_ONLINE_PROCEDURES * 100",
                ["DOSSIERS_PROCESSING_DAYS_MEDIAN"] = "PUBLIC_DOSSIERS_PROCESSING_DAYS_MEDIAN",
            },
            indicators.ToDictionary(n => n.Code, n => n.Expression, StringComparer.Ordinal));
        Assert.All(indicators, n => Assert.Null(n.Weight));
    }

    [Fact]
    public void PublicServices_OnTimeShare_EvaluatesFromItsMeasures()
    {
        var version = Framework("PUBLIC_SERVICES").Versions.Single();
        Dictionary<string, double> values = new() { ["PUBLIC_DOSSIERS_RESOLVED_ON_TIME"] = 1800, ["PUBLIC_DOSSIERS_RESOLVED"] = 2000 };

        var value = version.Expressions[new MeasureCode("DOSSIERS_ON_TIME_SHARE")].Evaluate(code => values.GetValueOrDefault(code.Value));

        Assert.Equal(90, value); // 1800 / 2000 = 0.9, × 100
    }

    [Fact]
    public void Ct749_DvcL4_EvaluatesFromItsMeasures()
    {
        var version = Framework("CT749").Versions.Single();
        Dictionary<string, double> values = new() { ["ONLINE_SERVICES_L4"] = 1234, ["ONLINE_SERVICES_TOTAL"] = 1600 };

        var value = version.Expressions[new MeasureCode("DVC_L4")].Evaluate(code => values.GetValueOrDefault(code.Value));

        Assert.Equal(77.125, value); // 1234 / 1600 = 0.77125, × 100
    }

    [Fact]
    public void Ct749_OfficialsTrainedShare_EvaluatesFromTheTrainingCountAndTheEnteredTotal()
    {
        var version = Framework("CT749").Versions.Single();
        Dictionary<string, double> values = new() { ["OFFICIALS_TRAINED"] = 1250, ["OFFICIALS_TOTAL"] = 40000 };

        var value = version.Expressions[new MeasureCode("OFFICIALS_TRAINED_SHARE")].Evaluate(code => values.GetValueOrDefault(code.Value));

        Assert.Equal(3.125, value); // 1250 / 40000 = 0.03125, × 100
    }

    [Fact]
    public void DtiProvince_HasFourPillarsAndEightGroupsOfOneIndicator()
    {
        var nodes = Framework("DTI_PROVINCE").Versions.Single().Definition.Nodes;

        Assert.Equal(["FOUNDATION", "DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY"], nodes.Select(p => p.Code));
        Assert.Equal([5, 1, 1, 1], nodes.Select(p => p.Children.Count(g => g.Kind == FrameworkNodeKind.Group)));
        Assert.All(nodes.SelectMany(p => p.Children), group => Assert.Equal(FrameworkNodeKind.Indicator, Assert.Single(group.Children).Kind));
    }

    [Fact]
    public void DtiProvince_IndicatorsReadThePublishedScoreOfTheirMainIndex()
    {
        var seed = SeedFrameworks.Load();
        var measures = seed.Measures.ToDictionary(m => m.Code, StringComparer.Ordinal);

        var read = Indicators(Framework("DTI_PROVINCE")).Select(n => measures[n.Expression!]).ToList();

        Assert.Equal(8, read.Count);
        Assert.All(read, m => Assert.Equal(("điểm", MeasureAggregation.WeightedMean), (m.UnitOfMeasure, m.Aggregation)));
        Assert.All(read, m => Assert.Contains("Điểm đã công bố của chỉ số chính", m.Description, StringComparison.Ordinal));
        Assert.All(read, m => Assert.Contains("Published score of the main index", m.DescriptionEn, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CT749")]
    [InlineData("DTI_PROVINCE")]
    public void SeedFramework_HasNoWeights(string code)
    {
        var framework = Framework(code);

        var weights = framework.Versions.SelectMany(v => Flatten(v.Definition.Nodes)).Select(n => n.Weight);

        Assert.All(weights, Assert.Null);
    }

    [Fact]
    public void DtiProvince_SaysWhatIsNotKnown_InBothLanguages()
    {
        var version = Framework("DTI_PROVINCE").Versions.Single().Definition;

        Assert.Contains("47 chỉ số thành phần và điểm chính thức chưa có", version.Description, StringComparison.Ordinal);
        Assert.Contains("98 chỉ số thành phần", version.Description, StringComparison.Ordinal);
        Assert.Contains("Quyết định 405/QĐ-BKHCN", version.Description, StringComparison.Ordinal);
        Assert.Contains("47 component indicators and the official points are not in our sources yet", version.DescriptionEn, StringComparison.Ordinal);
        Assert.Contains("98 component indicators", version.DescriptionEn, StringComparison.Ordinal);
        Assert.Contains("Quyết định 405/QĐ-BKHCN", version.DescriptionEn, StringComparison.Ordinal);
    }

    [Fact]
    public void SeededDescriptions_AreVietnameseWithTheEnglishBeside()
    {
        var seed = SeedFrameworks.Load();
        var frameworks = seed.CreateFrameworks();
        var versions = frameworks.SelectMany(f => f.Versions.Select(v => (Framework: f, Version: v))).ToList();
        IEnumerable<(string Label, string? Description, string? DescriptionEn)> texts =
        [
            .. seed.CreateMeasures().Select(m => ($"measure {m.Code.Value}", m.Description, m.DescriptionEn)),
            .. frameworks.Select(f => ($"framework {f.Code}", f.Description, f.DescriptionEn)),
            .. versions.Select(x => ($"framework {x.Framework.Code} {x.Version.Version}", x.Version.Description, x.Version.DescriptionEn)),
            .. versions.SelectMany(x => x.Version.Nodes.Select(n => ($"framework {x.Framework.Code} {x.Version.Version} node {n.Code.Value}", n.Description, n.DescriptionEn))),
        ];

        var bilingual = texts.Where(t => t.DescriptionEn is not null).ToList();
        var wrong = bilingual
            .Where(t => t.Description is not { } vietnamese
                || !vietnamese.IsNormalized(NormalizationForm.FormC)
                || !vietnamese.Any(IsVietnameseLetter)
                || vietnamese == t.DescriptionEn)
            .Select(t => t.Label);

        Assert.Equal(73, bilingual.Count); // 34 measures (4 awareness and training counts, 5 one-stop-shop dossier counts, 4 more dossier KPIs), 3 frameworks, 3 versions, 33 nodes (CT749 FOUNDATION and OFFICIALS_TRAINED_SHARE among them)
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("frameworks/measures.json")]
    [InlineData("frameworks/ct749.json")]
    [InlineData("frameworks/dti-province.json")]
    [InlineData("frameworks/public-services.json")]
    public void SeedFile_IsNfc(string path)
    {
        var text = ReadEmbedded(path);

        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("ố", text, StringComparison.Ordinal); // read as UTF-8: Vietnamese text survived
    }

    [Fact]
    public void Entities_AreLinkedByParentInDocumentOrder()
    {
        var frameworks = SeedFrameworks.Load().CreateFrameworks();

        var dti = frameworks.Single(f => f.Code == "DTI_PROVINCE").Versions.Single();

        Assert.Equal(20, dti.Nodes.Count); // 4 pillars + 8 groups + 8 indicators
        var awareness = dti.Nodes.Single(n => n.Code.Value == "AWARENESS_SCORE");
        Assert.Equal(("AWARENESS", "FOUNDATION"), (awareness.Parent!.Code.Value, awareness.Parent.Parent!.Code.Value));
    }

    /// <summary>A letter that marks Vietnamese text: ă â đ ê ô ơ ư, or one of the Latin Extended Additional block (U+1E00–U+1EFF), which holds most letters with a tone mark (ạ, ả, ế, ộ, …).</summary>
    private static bool IsVietnameseLetter(char c) =>
        c is (>= '\u1E00' and <= '\u1EFF') or 'ă' or 'â' or 'đ' or 'ê' or 'ô' or 'ơ' or 'ư' or 'Ă' or 'Â' or 'Đ' or 'Ê' or 'Ô' or 'Ơ' or 'Ư';

    private static CheckedFramework Framework(string code) =>
        SeedFrameworks.Load().Frameworks.Single(f => f.Definition.Code == code);

    private static IEnumerable<FrameworkNodeDefinition> Indicators(CheckedFramework framework) =>
        Flatten(framework.Versions.Single().Definition.Nodes).Where(n => n.Kind == FrameworkNodeKind.Indicator);

    private static IEnumerable<FrameworkNodeDefinition> Flatten(IEnumerable<FrameworkNodeDefinition> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private static string ReadEmbedded(string pathUnderSeed)
    {
        var assembly = typeof(SeedFrameworks).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.Replace('\\', '/') == "OpenDti.Seed." + pathUnderSeed);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
