using System.Text;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Problems;
using OpenDti.Store.Seed;

namespace OpenDti.Store.Tests.Seed;

public sealed class FrameworkFileTests
{
    private const string ValidFramework = """
        // a comment is allowed
        {
          "code": "CT749",
          "name": "Chỉ tiêu Chương trình Chuyển đổi số quốc gia",
          "versions": [
            {
              "version": "2020",
              "firstYear": 2020,
              "nodes": [
                {
                  "code": "DIGITAL_SOCIETY",
                  "kind": "pillar",
                  "name": "Xã hội số",
                  "children": [
                    {
                      "code": "TK_TTDT",
                      "kind": "indicator",
                      "name": "Tỷ lệ người dân có tài khoản thanh toán điện tử",
                      "expression": "PEOPLE_WITH_EPAYMENT_ACCOUNT / ADULT_POPULATION * 100",
                      "direction": -1,
                    },
                  ],
                },
              ],
            },
          ],
        }
        """;

    [Fact]
    public void CommentsAndTrailingCommas_AreRead()
    {
        var result = FrameworkFile.ReadFramework(ValidFramework, "ct749.json");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var indicator = result.Value.Versions[0].Nodes[0].Children[0];
        Assert.Equal(
            ("TK_TTDT", FrameworkNodeKind.Indicator, -1, (double?)null),
            (indicator.Code, indicator.Kind, indicator.Direction, indicator.Weight));
    }

    [Fact]
    public void DescriptionEn_IsReadBesideTheVietnameseDescription()
    {
        var decomposed = "Nhận thức số".Normalize(NormalizationForm.FormD);
        var json = $$"""
            {
              "code": "DTI_PROVINCE",
              "name": "Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh",
              "description": "Bộ chỉ số xếp hạng các tỉnh.",
              "descriptionEn": " The index that ranks the provinces. ",
              "versions": [
                {
                  "version": "2022",
                  "firstYear": 2022,
                  "description": "Chỉ gồm cấu trúc đã biết.",
                  "descriptionEn": "Only the known structure.",
                  "nodes": [
                    {
                      "code": "AWARENESS",
                      "kind": "pillar",
                      "name": "Nhận thức số",
                      "description": "Chỉ số chính Nhận thức số.",
                      "descriptionEn": "Main index \"{{decomposed}}\".",
                    },
                  ],
                },
              ],
            }
            """;

        var result = FrameworkFile.ReadFramework(json, "dti-province.json");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var version = result.Value.Versions[0];
        var node = version.Nodes[0];
        Assert.Equal(
            ("The index that ranks the provinces.", "Only the known structure.", "Main index \"Nhận thức số\"."), // trimmed, NFC
            (result.Value.DescriptionEn, version.DescriptionEn, node.DescriptionEn));
        Assert.Equal(
            ("Bộ chỉ số xếp hạng các tỉnh.", "Chỉ gồm cấu trúc đã biết.", "Chỉ số chính Nhận thức số."),
            (result.Value.Description, version.Description, node.Description));
    }

    [Fact]
    public void MissingComma_GivesAProblemWithLineAndPosition()
    {
        const string json = """
            {
              "code": "CT749"
              "name": "Chỉ tiêu"
            }
            """;

        var result = FrameworkFile.ReadFramework(json, "ct749.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(FrameworkFile.InvalidJson, problem.Code);
        Assert.Equal(new ProblemPlace("ct749.json", Row: 3, Column: "position 3", Field: "$"), problem.Place); // the '"' of "name"
    }

    [Fact]
    public void ErrorAfterVietnameseText_CountsCharactersNotBytes()
    {
        const string json = """{ "code": "CT749", "name": "Xã hội số" "versions": [] }""";

        var result = FrameworkFile.ReadFramework(json, "ct749.json");

        // '"' of "versions" is the 40th character; in UTF-8 "ã", "ộ" and "ố" take 2, 3 and 3 bytes.
        Assert.Equal("position 40", Assert.Single(result.Problems).Place.Column);
    }

    [Fact]
    public void UnknownProperty_IsAProblemWithItsPath()
    {
        var json = ValidFramework.Replace("\"direction\": -1", "\"direction\": -1, \"weigth\": 2", StringComparison.Ordinal);

        var result = FrameworkFile.ReadFramework(json, "ct749.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(20, problem.Place.Row);
        Assert.Equal("$.versions[0].nodes[0].children[0].weigth", problem.Place.Field);
    }

    [Fact]
    public void NullWhereAValueIsRequired_IsAProblem()
    {
        var json = ValidFramework.Replace("\"name\": \"Xã hội số\"", "\"name\": null", StringComparison.Ordinal);

        var result = FrameworkFile.ReadFramework(json, "ct749.json");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(FrameworkFile.InvalidJson, problem.Code);
        Assert.Equal("$.versions[0].nodes[0].name", problem.Place.Field);
    }

    [Fact]
    public void MissingRequiredProperty_IsAProblemNamingIt()
    {
        var json = ValidFramework.Replace("\"kind\": \"pillar\",", "", StringComparison.Ordinal);

        var result = FrameworkFile.ReadFramework(json, "ct749.json");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("'kind'", problem.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"firstYear\": 2020", "\"firstYear\": \"2020\"")]
    [InlineData("\"kind\": \"pillar\"", "\"kind\": \"trụ cột\"")]
    [InlineData("\"kind\": \"pillar\"", "\"kind\": 0")]
    public void ValueOfTheWrongType_IsAProblem(string written, string replacement)
    {
        var json = ValidFramework.Replace(written, replacement, StringComparison.Ordinal);

        var result = FrameworkFile.ReadFramework(json, "ct749.json");

        Assert.Equal(FrameworkFile.InvalidJson, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void DecomposedVietnamese_IsReadAsNfc()
    {
        var decomposed = "Xã hội số".Normalize(NormalizationForm.FormD);
        var json = ValidFramework.Replace("Xã hội số", decomposed, StringComparison.Ordinal);

        var result = FrameworkFile.ReadFramework(json, "ct749.json");

        Assert.True(result.Succeeded);
        Assert.Equal("Xã hội số", result.Value.Versions[0].Nodes[0].Name, StringComparer.Ordinal);
    }

    [Fact]
    public void BytesThatAreNotUtf8_AreAProblem()
    {
        using var stream = new MemoryStream([(byte)'{', 0xC3, 0x28, (byte)'}']);

        var result = FrameworkFile.ReadFramework(stream, "ct749.json");

        Assert.Equal("bytes that are not UTF-8", Assert.Single(result.Problems).Found);
    }

    [Fact]
    public void MeasureCatalogue_IsRead()
    {
        const string json = """
            { "measures": [
              { "code": "DTI_AWARENESS_SCORE", "name": "Điểm chỉ số chính Nhận thức số", "unitOfMeasure": "điểm", "aggregation": "weightedMean" },
            ] }
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var result = FrameworkFile.ReadMeasures(stream, "measures.json");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var measure = Assert.Single(result.Value);
        Assert.Equal(("DTI_AWARENESS_SCORE", MeasureAggregation.WeightedMean), (measure.Code, measure.Aggregation));
    }

    [Fact]
    public void MeasureCatalogue_ReadsDescriptionEn()
    {
        const string json = """
            { "measures": [
              {
                "code": "GRDP", "name": "Tổng sản phẩm trên địa bàn (GRDP)", "unitOfMeasure": "tỷ đồng", "aggregation": "sum",
                "description": "Tổng sản phẩm trên địa bàn của đơn vị trong năm.",
                "descriptionEn": "Gross regional domestic product of the unit for the year."
              }
            ] }
            """;

        var result = FrameworkFile.ReadMeasures(json, "measures.json");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var measure = Assert.Single(result.Value);
        Assert.Equal(
            ("Tổng sản phẩm trên địa bàn của đơn vị trong năm.", "Gross regional domestic product of the unit for the year."),
            (measure.Description, measure.DescriptionEn));
    }
}
