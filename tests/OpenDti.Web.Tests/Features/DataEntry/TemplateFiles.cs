using System.Globalization;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenDti.Domain.Geography;
using OpenDti.Store;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>What a person does with a template in Excel, done with the OpenXML SDK: type numbers, text or formulas into cells.</summary>
internal sealed class TemplateFiles : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly SpreadsheetDocument _document;
    private Dictionary<uint, Row>? _rows;

    private TemplateFiles(byte[] bytes)
    {
        _stream.Write(bytes);
        _stream.Position = 0;
        _document = SpreadsheetDocument.Open(_stream, true);
    }

    public static TemplateFiles Open(byte[] bytes) => new(bytes);

    public WorksheetPart Sheet(string name)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)_document.WorkbookPart.GetPartById(sheet.Id!);
    }

    /// <summary>The text or number shown in a cell of a sheet, or null.</summary>
    public string? Read(string sheet, string reference)
    {
        var cell = Sheet(sheet).Worksheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
        return cell?.InlineString?.InnerText ?? cell?.CellValue?.Text;
    }

    /// <summary>The row of the data sheet that holds <paramref name="unitCode"/>.</summary>
    public int RowOf(string unitCode)
    {
        var cell = Sheet("Số liệu").Worksheet.Descendants<Cell>().Single(c => c.CellReference!.Value!.StartsWith('A') && c.InlineString?.InnerText == unitCode);
        return int.Parse(cell.CellReference!.Value![1..], CultureInfo.InvariantCulture);
    }

    public void SetNumber(string reference, double value) => Put(reference, new Cell { DataType = CellValues.Number, CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) });

    public void SetText(string reference, string text) =>
        Put(reference, new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });

    public void SetFormula(string reference, string formula, double cached) =>
        Put(reference, new Cell { CellFormula = new CellFormula(formula), CellValue = new CellValue(cached.ToString("R", CultureInfo.InvariantCulture)) });

    public void Clear(string reference) => Put(reference, new Cell());

    /// <summary>A number shown with a number format, as Excel stores "01/05/2026" (format 14) or "45%" (format 9).</summary>
    public void SetFormattedNumber(string reference, double value, uint numberFormatId)
    {
        var formats = _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!;
        formats.Append(new CellFormat { NumberFormatId = numberFormatId, ApplyNumberFormat = true });
        formats.Count = (uint)formats.ChildElements.Count;
        Put(reference, new Cell { DataType = CellValues.Number, CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) }, formats.Count - 1);
    }

    public byte[] Save()
    {
        _document.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    /// <summary>Replaces the cell at <paramref name="reference"/> of the data sheet, keeping its style.</summary>
    private void Put(string reference, Cell cell, uint? style = null)
    {
        _rows ??= Sheet("Số liệu").Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToDictionary(r => r.RowIndex!.Value);
        var row = _rows[uint.Parse(new string([.. reference.SkipWhile(char.IsAsciiLetter)]), CultureInfo.InvariantCulture)];
        var old = row.Elements<Cell>().Single(c => c.CellReference == reference);
        cell.CellReference = reference;
        cell.StyleIndex = style is { } index ? index : old.StyleIndex;
        row.ReplaceChild(cell, old);
    }

    /// <summary>Posts a file to the upload API.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string dataSet, string period, byte[] file, string fileName, bool overwrite = false)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", fileName);
        var query = $"/api/v1/datasets/{dataSet}/upload?period={period}" + (overwrite ? "&overwrite=true" : string.Empty);
        return await client.PostAsync(new Uri(query, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>Adds <paramref name="count"/> communes in force since 2025-07-01 under a province, in one insert: codes prefix + 0001, 0002, …</summary>
    public static async Task AddCommunesAsync(OpenDtiApp app, string provinceCode, string prefix, int count)
    {
        _ = app.Services; // starts the app, which migrates and seeds the store
        await using var db = app.OpenContext();
        await AddCommunesAsync(db, provinceCode, prefix, count);
    }

    /// <summary>As above, on the store <paramref name="db"/> opens (an app started elsewhere, e.g. in another process).</summary>
    public static async Task AddCommunesAsync(OpenDtiDbContext db, string provinceCode, string prefix, int count)
    {
        ArgumentNullException.ThrowIfNull(db);
        var province = db.Units.Single(u => u.Code == new UnitCode(provinceCode) && u.ValidTo == null);
        db.Units.AddRange(Enumerable.Range(1, count).Select(i => new ReportingUnit
        {
            Code = new UnitCode(string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D4}")),
            Name = string.Create(CultureInfo.InvariantCulture, $"Xã Hòa Bình {i}"),
            Level = UnitLevel.Commune,
            ParentId = province.Id,
            ValidFrom = new DateOnly(2025, 7, 1),
        }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
