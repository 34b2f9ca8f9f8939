using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;

namespace OpenDti.Web.Tests.Features.Reports;

/// <summary>
/// <c>/units/{code}/report.docx</c> on the demo rankings: a valid Word document whose numbers are the JSON API's,
/// with its charts as real PNG images and the demo label on its first page.
/// </summary>
public sealed class UnitReportTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [InlineData("/units/25/report.docx?year=2025", "25", "2025", "")]
    [InlineData("/units/01/report.docx?year=2024&on=2024-12-31", "01", "2024", "&on=2024-12-31")]
    public async Task Report_IsValidOpenXml_WithTheApisRanksScoresAndChanges(string path, string code, string year, string on)
    {
        using var client = app.CreateClient();
        var profile = await client.GetJsonAsync($"/api/v1/units/{code}/profile?period={year}{on}");
        var ranking = await client.GetJsonAsync($"/api/v1/rankings?framework=DTI_PROVINCE&period={year}");

        using var document = await OpenAsync(client, path);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var of = profile.GetProperty("unitCount").GetInt32();
        var row = ranking.GetProperty("rows").EnumerateArray().Single(r => r.Text("code") == code);
        var scores = row.GetProperty("scores").EnumerateArray().ToDictionary(s => s.Text("node")!, StringComparer.Ordinal);
        var index = scores["INDEX"];
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains($"xếp hạng {index.GetProperty("rank").GetInt32()}/{of} về", body.InnerText, StringComparison.Ordinal);

        // Bảng 1: the index, then each pillar: score, rank "X/34", change ▲3 / ▼2 / =.
        var pillars = TableAfter(body, "Bảng 1.");
        var expected = new List<string[]> { Cells(profile.Text("frameworkName")!, index, of) };
        expected.AddRange(profile.GetProperty("pillars").EnumerateArray().Select(p => Cells(p.Text("name")!, scores[p.Text("code")!], of)));
        Assert.Equal(["Chỉ số, trụ cột", "Điểm (0–100)", "Hạng", "Thay đổi hạng"], pillars[0]);
        Assert.Equal(expected, pillars.Skip(1));
        Assert.All(profile.GetProperty("pillars").EnumerateArray(), p =>
            Assert.Contains($"{p.Text("name")}: hạng {p.GetProperty("rank").GetInt32()}/{of} ({Change(scores[p.Text("code")!])})", body.InnerText, StringComparison.Ordinal));

        // Strongest and weakest indicators, as the profile.
        Assert.Equal(
            profile.GetProperty("strengths").EnumerateArray().Select(g => g.Text("name")),
            TableAfter(body, "Bảng 3.").Skip(1).Select(r => r[0]));
        Assert.Equal(
            profile.GetProperty("weaknesses").EnumerateArray().Select(g => g.Text("name")),
            TableAfter(body, "Bảng 4.").Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task Report_OfAProvinceFormedIn2025_HasTheDemoLabelOnItsFirstPage_TwoPngCharts_AndAnA4Page()
    {
        using var client = app.CreateClient();

        using var document = await OpenAsync(client, "/units/25/report.docx?year=2025");

        var body = document.MainDocumentPart!.Document.Body!;
        var beforeFirstHeading = body.Elements<Paragraph>().TakeWhile(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value != "Heading1").ToList();
        Assert.Contains(beforeFirstHeading, p => p.InnerText.StartsWith("DỮ LIỆU MINH HỌA", StringComparison.Ordinal) && p.InnerText.Contains("không phải số liệu chính thức", StringComparison.Ordinal));
        Assert.Contains("Tỉnh Phú Thọ", string.Concat(beforeFirstHeading.Select(p => p.InnerText)), StringComparison.Ordinal);
        Assert.Contains("DỮ LIỆU MINH HỌA", document.MainDocumentPart.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        var images = document.MainDocumentPart.ImageParts.ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, image =>
        {
            Assert.Equal("image/png", image.ContentType);
            using var stream = image.GetStream();
            using var bitmap = SKBitmap.Decode(stream);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width >= 800 && bitmap.Height >= 400, $"{bitmap.Width}×{bitmap.Height}");
        });
        var page = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal((11906U, 16838U), (page.Width!.Value, page.Height!.Value));
        Assert.True(body.Descendants<ParagraphStyleId>().Count(s => s.Val == "Heading1") >= 5);
        Assert.All(body.Elements<Table>(), t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
    }

    [Fact]
    public async Task Report_OfAProvinceFormedIn2025_ExplainsItsChangeAgainst2024Reexpressed()
    {
        using var client = app.CreateClient();
        var profile = await client.GetJsonAsync("/api/v1/units/25/profile");

        using var document = await OpenAsync(client, "/units/25/report.docx?year=2025");

        var change = profile.GetProperty("rankChange");
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains($"thứ hạng từ {change.GetProperty("rankBefore").GetInt32()}/34 thành {change.GetProperty("rankAfter").GetInt32()}/34", text, StringComparison.Ordinal);
        Assert.Contains("Số liệu năm 2024 là số liệu của các tỉnh đã hợp thành Tỉnh Phú Thọ, được quy đổi trên địa giới mới.", text, StringComparison.Ordinal);
        Assert.Contains("số liệu năm 2024 của các tỉnh cũ được quy đổi sang tỉnh mới", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetsTable_HasTheDecision749ValuesOfTheApi_AndSaysWhereTargetsWillComeFrom()
    {
        using var client = app.CreateClient();
        var indicators = await client.GetJsonAsync("/api/v1/units/25/indicators?framework=CT749");

        using var document = await OpenAsync(client, "/units/25/report.docx?year=2025");

        var body = document.MainDocumentPart!.Document.Body!;
        var table = TableAfter(body, "Bảng 6.");
        Assert.Equal(["Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị năm 2025"], table[0]);
        var expected = indicators.GetProperty("indicators").EnumerateArray().Select(i =>
        {
            var value = i.GetProperty("values").EnumerateArray().FirstOrDefault(v => v.Text("period") == "2025");
            var number = value.ValueKind == JsonValueKind.Object && value.GetProperty("value").ValueKind == JsonValueKind.Number
                ? value.GetProperty("value").GetDouble().ToString("N1", Vietnamese) + (value.GetProperty("isReexpressed").GetBoolean() ? "*" : "")
                : "—";
            return new[] { i.Text("code")!, i.Text("name")!, i.Text("unitOfMeasure") ?? "", number };
        }).ToList();
        Assert.True(expected.Count >= 5, $"{expected.Count} indicators");
        Assert.Equal(expected, table.Skip(1));
        Assert.Contains("sẽ được đưa vào cùng phân hệ theo dõi mục tiêu", body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilePage_LinksToTheReportOfItsYear()
    {
        using var client = app.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetHtmlAsync("/units/01?on=2024-12-31"));

        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "Tải báo cáo (DOCX)");
        Assert.Equal("/units/01/report.docx?year=2024&on=2024-12-31", link.GetAttribute("href"));
        using var document = await OpenAsync(client, link.GetAttribute("href")!);
        Assert.Contains("Thành phố Hà Nội xếp hạng", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/units/25/report.docx?year=2019", HttpStatusCode.NotFound)]
    [InlineData("/units/25/report.docx?year=twenty", HttpStatusCode.BadRequest)]
    [InlineData("/units/99/report.docx?year=2025", HttpStatusCode.NotFound)]
    public async Task BadYearOrUnit_IsAProblem(string path, HttpStatusCode expected)
    {
        using var client = app.CreateClient();

        await client.GetJsonAsync(path, expected);
    }

    private static async Task<WordprocessingDocument> OpenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        return WordprocessingDocument.Open(new MemoryStream(bytes), false);
    }

    /// <summary>The cells of the table that follows the caption starting with <paramref name="caption"/>.</summary>
    private static List<string[]> TableAfter(Body body, string caption)
    {
        var paragraph = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith(caption, StringComparison.Ordinal));
        var table = paragraph.ElementsAfter().OfType<Table>().First();
        return [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())];
    }

    private static string[] Cells(string name, JsonElement score, int of) =>
        [name, score.GetProperty("score").GetDouble().ToString("N1", Vietnamese), $"{score.GetProperty("rank").GetInt32()}/{of}", Change(score)];

    private static string Change(JsonElement score) => score.GetProperty("rankChange") switch
    {
        { ValueKind: JsonValueKind.Null } => "mới",
        var c when c.GetInt32() > 0 => $"▲{c.GetInt32()}",
        var c when c.GetInt32() < 0 => $"▼{-c.GetInt32()}",
        _ => "=",
    };
}
