using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenDti.Web.Tests.Features.Rankings;

/// <summary><c>/rankings.csv</c> and <c>/rankings.xlsx</c> on the demo rankings.</summary>
public sealed class RankingDownloadsTests(OpenDtiAppWithDemo app) : IClassFixture<OpenDtiAppWithDemo>
{
    [Theory]
    [InlineData("2024", 63)]
    [InlineData("2025", 34)]
    public async Task Csv_HasBomHeaderAndOneRowPerProvinceInRankOrder(string period, int expected)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/rankings.csv?framework=DTI_PROVINCE&period={period}", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"DTI_PROVINCE-{period}.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n");
        Assert.StartsWith("Mã,Tỉnh, thành phố,", lines[0].Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(expected + 1, lines.Length);
        var ranks = lines[1..].Select(l => int.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task Csv_InEnglish_HasEnglishHeaders()
    {
        using var client = app.CreateClient();

        var bytes = await client.GetByteArrayAsync(new Uri("/rankings.csv?framework=DTI_PROVINCE&period=2025&culture=en", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("\uFEFFCode,Province or city,Index score,Index rank,", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_HasTheSameRowsAsTheApi()
    {
        using var client = app.CreateClient();
        var api = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2024");

        var bytes = await client.GetByteArrayAsync(new Uri("/rankings.xlsx?framework=DTI_PROVINCE&period=2024", UriKind.Relative), TestContext.Current.CancellationToken);

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1).ToList();
        var codes = api.GetProperty("rows").EnumerateArray().Select(r => r.Text("code")).ToList();
        Assert.Equal(codes, rows.Select(r => r.Elements<Cell>().First().InnerText));
    }

    [Theory]
    [InlineData("sort=name&q=h%C3%A0")]
    [InlineData("sort=-change")]
    [InlineData("sort=DIGITAL_ECONOMY&q=t%E1%BB%89nh")]
    public async Task CsvAndXlsx_OfThePagesLinks_HaveThePagesRowsInItsOrder(string view)
    {
        using var client = app.CreateClient();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetHtmlAsync($"/rankings?framework=DTI_PROVINCE&period=2025&{view}"));
        var shown = page.QuerySelectorAll("table.ranking tbody tr td:nth-child(2) a").Select(a => a.GetAttribute("href")!.Split('/', '?')[2]).ToList();
        var links = page.QuerySelectorAll(".downloads a[download]").Select(a => a.GetAttribute("href")!).ToList();

        var csv = await client.GetByteArrayAsync(new Uri(links.Single(l => l.StartsWith("/rankings.csv?", StringComparison.Ordinal)), UriKind.Relative), TestContext.Current.CancellationToken);
        var xlsx = await client.GetByteArrayAsync(new Uri(links.Single(l => l.StartsWith("/rankings.xlsx?", StringComparison.Ordinal)), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.InRange(shown.Count, 2, 34);
        var csvCodes = Encoding.UTF8.GetString(csv[3..]).TrimEnd().Split("\r\n").Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(shown, csvCodes);
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1).ToList();
        Assert.Equal(shown, rows.Select(r => r.Elements<Cell>().First().InnerText));
    }

    [Fact]
    public async Task Csv_HasEachPillarsPreviousRankAndChange_AsTheApi()
    {
        using var client = app.CreateClient();
        var api = await client.GetJsonAsync("/api/v1/rankings?framework=DTI_PROVINCE&period=2025");
        var pillars = api.GetProperty("aggregates").EnumerateArray().Where(a => a.Text("kind") == "pillar").Select(a => a.Text("code")!).ToList();

        var bytes = await client.GetByteArrayAsync(new Uri("/rankings.csv?framework=DTI_PROVINCE&period=2025&culture=en", UriKind.Relative), TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n");
        var header = lines[0].Split(',');
        Assert.Equal(8 + (4 * pillars.Count), header.Length);
        Assert.EndsWith(": change in rank", header[^1], StringComparison.Ordinal);
        var rows = api.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Text("code")!, StringComparer.Ordinal);
        Assert.All(lines[1..].Select(l => l.Split(',')), cells => Assert.All(pillars.Select((code, i) => (code, i)), pillar =>
        {
            var score = rows[cells[0]].GetProperty("scores").EnumerateArray().Single(s => s.Text("node") == pillar.code);
            Assert.Equal(score.GetProperty("previousRank").ToString(), cells[8 + (4 * pillar.i) + 2]);
            Assert.Equal(score.GetProperty("rankChange").ToString(), cells[8 + (4 * pillar.i) + 3]);
        }));
    }

    [Fact]
    public async Task UnknownYear_Is404()
    {
        using var client = app.CreateClient();

        await client.GetJsonAsync("/rankings.csv?framework=DTI_PROVINCE&period=2019", HttpStatusCode.NotFound);
    }
}
