using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenDti.Web.Tests.Features;

/// <summary>
/// Every table of the map, comparison and profile pages has a CSV and an XLSX link under it, and both files hold
/// the table's rows: a person who sees a table can take it into a spreadsheet.
/// </summary>
public sealed class PublicTableDownloadsTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Theory]
    [InlineData("/map?year=2024", "table.data", 1)]
    [InlineData("/map?year=2025&score=DIGITAL_SOCIETY", "table.data", 1)]
    [InlineData("/compare?units=01,79,48&period=2024", "table.data", 2)]
    [InlineData("/units/01?on=2024-12-31", "section.profile table.data", 6)]
    [InlineData("/units/25", "section.profile table.data", 6)]
    public async Task EachTable_HasCsvAndXlsxWithItsRows(string path, string tables, int expected)
    {
        using var client = app.CreateClient();

        var page = new HtmlParser().ParseDocument(await client.GetHtmlAsync(path));

        var found = page.QuerySelectorAll(tables).ToList();
        Assert.Equal(expected, found.Count);
        foreach (var table in found)
        {
            var caption = table.QuerySelector("caption")?.TextContent;
            // A wide table scrolls in its own box; the downloads follow the box.
            var box = table.ParentElement is { ClassName: "table-scroll" } scroll ? scroll : table;
            var links = box.NextElementSibling is { ClassName: "downloads" } downloads
                ? downloads.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")!).ToList()
                : throw new Xunit.Sdk.XunitException($"no downloads under the table “{caption}” on {path}");
            var csv = await CsvRowsAsync(client, links.Single(l => l.Contains(".csv", StringComparison.Ordinal)));
            var xlsx = await XlsxRowsAsync(client, links.Single(l => l.Contains(".xlsx", StringComparison.Ordinal)));

            var rows = DataRows(table);
            Assert.True(rows.Count == csv.Count - 1, $"“{caption}” on {path}: {rows.Count} rows shown, {csv.Count - 1} in the CSV");
            Assert.Equal(csv, xlsx);
            Assert.All(rows.Zip(csv.Skip(1)), pair => Assert.Contains(pair.Second, cell => pair.First.Contains(cell, StringComparison.Ordinal) && cell.Length > 1));
        }
    }

    [Fact]
    public async Task MapCsv_IsTheMapsTableInItsOrder_WithTheShownScore()
    {
        using var client = app.CreateClient();
        var ranking = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2025");

        var rows = await CsvRowsAsync(client, "/map.csv?year=2025&score=DIGITAL_SOCIETY");

        var expected = ranking.GetProperty("rows").EnumerateArray()
            .Select(r => (Code: r.Text("code")!, Score: r.GetProperty("scores").EnumerateArray().Single(s => s.Text("node") == "DIGITAL_SOCIETY")))
            .OrderBy(r => r.Score.GetProperty("rank").GetInt32()).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => $"{r.Score.GetProperty("rank").GetInt32()}|{r.Code}|{Math.Round(r.Score.GetProperty("score").GetDouble(), 2).ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.Equal(expected, rows.Skip(1).Select(r => $"{r[0]}|{r[1]}|{r[3]}"));
    }

    [Fact]
    public async Task UnknownTable_Is400NamingTheParameter()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/units/01/profile.csv?table=everything", System.Net.HttpStatusCode.BadRequest);

        Assert.Contains("'everything'", problem.GetProperty("errors").GetProperty("table")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>The rows of the body, each as its cells' text; a single cell spanning the table ("none") is no row.</summary>
    private static List<string> DataRows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr")
            .Where(r => !(r.Children.Length == 1 && r.Children[0].HasAttribute("colspan")))
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim())))];

    private static async Task<List<string[]>> CsvRowsAsync(HttpClient client, string href)
    {
        var bytes = await client.GetByteArrayAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        // Our rows have no quoted commas except in names such as "Tỉnh, thành phố" headers; split on a simple CSV reader.
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes[3..]));
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.Parser.Record!);
        }

        return rows;
    }

    private static async Task<List<string[]>> XlsxRowsAsync(HttpClient client, string href)
    {
        var bytes = await client.GetByteArrayAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        return [.. document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray())];
    }
}
