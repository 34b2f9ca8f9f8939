using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenDti.Domain.Collection;
using OpenDti.Web;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Writes the XLSX template (layout in <see cref="TemplateLayout"/> and docs/templates.md). Cells go through
/// <see cref="TableExport.XlsxCell"/>, so text is never a formula. The sheet is protected without a password so
/// that unit codes and names are not changed by mistake; that is a convenience, not security: the upload
/// checks everything again. Value cells carry Excel data validation (the data set's type and bounds) so Excel
/// warns while typing.
/// </summary>
internal static class TemplateWorkbook
{
    private const uint StyleTitle = 1;
    private const uint StyleLabel = 2;
    private const uint StyleHeader = 3;
    private const uint StyleLocked = 4;
    private const uint StyleWhole = 5;
    private const uint StyleDecimal = 6;
    private const uint StyleComment = 7;

    public static byte[] Write(TemplateContent content, string uploadPath)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var data = workbook.AddNewPart<WorksheetPart>();
            data.Worksheet = DataSheet(content, uploadPath);
            var meta = workbook.AddNewPart<WorksheetPart>();
            meta.Worksheet = MetaSheet(content);
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = TemplateLayout.DataSheet },
                new Sheet { Id = workbook.GetIdOfPart(meta), SheetId = 2, Name = TemplateLayout.MetaSheet, State = SheetStateValues.Hidden }));
        }

        return stream.ToArray();
    }

    private static Worksheet DataSheet(TemplateContent content, string uploadPath)
    {
        var set = content.DataSet;
        var fields = set.Fields;
        var lastRow = TemplateLayout.FirstDataRow + content.Units.Count - 1;
        var rows = new SheetData();
        var vietnamTime = content.GeneratedAt.ToOffset(TimeSpan.FromHours(7));
        rows.Append(
            TextRow(1, ("A", "Mẫu nhập số liệu / Data entry template", StyleTitle)),
            TextRow(2, ("A", "Bộ số liệu / Data set", StyleLabel), ("B", $"{set.DataSet.Code} — {set.DataSet.Name}", null)),
            TextRow(3, ("A", "Kỳ báo cáo / Period", StyleLabel), ("B", content.Period.ToString(), null)),
            TextRow(4, ("A", "Tạo lúc / Generated at", StyleLabel), ("B", vietnamTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (giờ Việt Nam / Vietnam time, UTC+7)", null)),
            TextRow(5, ("A", "Người tải / User", StyleLabel), ("B", content.UserName, null)),
            TextRow(6, ("A", "Hướng dẫn", StyleLabel), ("B",
                "Nhập số vào các ô màu vàng, ghi chú (nếu có) vào ô bên phải. Ô để trống là không có số liệu: số đã có sẽ bị xoá. "
                + "Không sửa mã đơn vị, không thêm trang hay cột, không dùng công thức. Lưu dạng .xlsx và tải lên tại " + uploadPath + ". "
                + "Trang tính được khoá không mật khẩu chỉ để tránh sửa nhầm; mọi ô đều được kiểm tra lại khi tải lên.", null)),
            TextRow(7, ("A", "Instructions", StyleLabel), ("B",
                "Type numbers into the yellow cells and any comment into the cell to their right. An empty cell means no value: a stored value is removed. "
                + "Do not change unit codes, add sheets or columns, or use formulas. Save as .xlsx and upload it at " + uploadPath + ". "
                + "The sheet is protected without a password only against slips; every cell is checked again on upload.", null)));
        if (content.HasDemo)
        {
            rows.Append(TextRow(8, ("A", "Lưu ý / Note", StyleLabel), ("B", "Có số liệu minh họa (demo), không phải số liệu chính thức / Some pre-filled values are demo data, not official figures.", null)));
        }

        var header = new Row { RowIndex = TemplateLayout.HeaderRow };
        header.Append(
            TableExport.XlsxCell("Mã đơn vị\nUnit code", $"A{TemplateLayout.HeaderRow}", StyleHeader),
            TableExport.XlsxCell("Tên đơn vị\nUnit name", $"B{TemplateLayout.HeaderRow}", StyleHeader));
        for (var i = 0; i < fields.Count; i++)
        {
            var measure = fields[i].Measure;
            header.Append(
                TableExport.XlsxCell(ValueHeader(fields[i]), TemplateLayout.ValueColumn(i) + TemplateLayout.HeaderRow, StyleHeader),
                TableExport.XlsxCell(CommentHeader(fields[i]), TemplateLayout.CommentColumn(i) + TemplateLayout.HeaderRow, StyleHeader));
        }

        rows.Append(header);
        var rowIndex = TemplateLayout.FirstDataRow;
        foreach (var unit in content.Units)
        {
            var row = new Row { RowIndex = (uint)rowIndex };
            row.Append(
                TableExport.XlsxCell(unit.Code.Value, $"A{rowIndex}", StyleLocked),
                TableExport.XlsxCell(unit.Name, $"B{rowIndex}", StyleLocked));
            for (var i = 0; i < fields.Count; i++)
            {
                var value = content.ValueOf(unit, fields[i]);
                row.Append(
                    TableExport.XlsxCell(value?.Value, TemplateLayout.ValueColumn(i) + rowIndex, fields[i].Setting.WholeNumber ? StyleWhole : StyleDecimal),
                    TableExport.XlsxCell(value?.Comment, TemplateLayout.CommentColumn(i) + rowIndex, StyleComment));
            }

            rows.Append(row);
            rowIndex++;
        }

        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 32, CustomWidth = true });
        for (var i = 0; i < fields.Count; i++)
        {
            columns.Append(
                new Column { Min = (uint)(3 + (2 * i)), Max = (uint)(3 + (2 * i)), Width = 22, CustomWidth = true },
                new Column { Min = (uint)(4 + (2 * i)), Max = (uint)(4 + (2 * i)), Width = 28, CustomWidth = true });
        }

        var sheet = new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                HorizontalSplit = 2,
                VerticalSplit = TemplateLayout.HeaderRow,
                TopLeftCell = TemplateLayout.ValueColumn(0) + TemplateLayout.FirstDataRow,
                ActivePane = PaneValues.BottomRight,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 }),
            columns,
            rows,
            Protection());
        if (content.Units.Count > 0)
        {
            sheet.Append(new DataValidations(fields.Select((f, i) => Validation(f, i, lastRow))) { Count = (uint)fields.Count });
        }

        return sheet;
    }

    private static Worksheet MetaSheet(TemplateContent content)
    {
        var rows = new SheetData();
        var index = 1;
        void Add(params object?[] cells)
        {
            var row = new Row { RowIndex = (uint)index };
            row.Append(cells.Select((c, i) => TableExport.XlsxCell(c, TemplateLayout.ColumnLetters(i + 1) + index)));
            rows.Append(row);
            index++;
        }

        Add("Trang dùng khi tải lên, xin đừng sửa / used by the upload, do not edit");
        Add(TemplateLayout.Meta.DataSet, content.DataSet.DataSet.Code);
        Add(TemplateLayout.Meta.Period, content.Period.ToString());
        Add(TemplateLayout.Meta.TemplateVersion, TemplateLayout.Version);
        Add(TemplateLayout.Meta.GeneratedAt, content.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        for (var i = 0; i < content.DataSet.Fields.Count; i++)
        {
            Add(TemplateLayout.Meta.Column, content.DataSet.Fields[i].Measure.Code.Value, TemplateLayout.ValueColumn(i), TemplateLayout.CommentColumn(i));
        }

        foreach (var unit in content.Units)
        {
            foreach (var field in content.DataSet.Fields)
            {
                var value = content.ValueOf(unit, field);
                Add(TemplateLayout.Meta.Value, unit.Code.Value, field.Measure.Code.Value, value?.Value, value?.Comment, value?.ConcurrencyToken.ToString("D"));
            }
        }

        return new Worksheet(rows, Protection());
    }

    /// <summary>"CODE", a line break, the Vietnamese name and the unit of measure.</summary>
    public static string ValueHeader(DataSetField field) =>
        $"{field.Measure.Code.Value}\n{field.Measure.Name} ({field.Measure.UnitOfMeasure})";

    public static string CommentHeader(DataSetField field) =>
        $"{field.Measure.Code.Value}\nGhi chú / comment";

    private static SheetProtection Protection() => new()
    {
        Sheet = true,
        Objects = true,
        Scenarios = true,
        FormatColumns = false,
        FormatRows = false,
    };

    private static DataValidation Validation(DataSetField field, int order, int lastRow)
    {
        var setting = field.Setting;
        var (low, high) = (setting.Minimum, setting.Maximum);
        var operation = (low, high) switch
        {
            (not null, not null) => DataValidationOperatorValues.Between,
            (not null, null) => DataValidationOperatorValues.GreaterThanOrEqual,
            (null, not null) => DataValidationOperatorValues.LessThanOrEqual,
            _ => DataValidationOperatorValues.Between,
        };
        var first = low ?? high ?? -1e15;
        var rule = Rule(setting);
        var column = TemplateLayout.ValueColumn(order);
        var validation = new DataValidation
        {
            Type = setting.WholeNumber ? DataValidationValues.Whole : DataValidationValues.Decimal,
            Operator = operation,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            PromptTitle = Cut(field.Measure.Code.Value, 32),
            Prompt = Cut($"{field.Measure.Name} ({field.Measure.UnitOfMeasure}). {rule}", 255),
            ErrorTitle = Cut("Giá trị không hợp lệ / invalid value", 32),
            Error = Cut(rule, 255),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}{TemplateLayout.FirstDataRow}:{column}{lastRow}" },
        };
        validation.Append(new Formula1(first.ToString("R", CultureInfo.InvariantCulture)));
        if (operation == DataValidationOperatorValues.Between)
        {
            validation.Append(new Formula2((high ?? 1e15).ToString("R", CultureInfo.InvariantCulture)));
        }

        return validation;
    }

    /// <summary>The rule of a value, in both languages: "Số nguyên từ 0 trở lên / a whole number of at least 0".</summary>
    private static string Rule(DataSetMeasure setting)
    {
        var kind = setting.WholeNumber ? ("Số nguyên", "a whole number") : ("Số", "a number");
        string N(double x) => x.ToString(CultureInfo.InvariantCulture);
        return (setting.Minimum, setting.Maximum) switch
        {
            ({ } low, { } high) => $"{kind.Item1} từ {N(low)} đến {N(high)} / {kind.Item2} from {N(low)} to {N(high)}",
            ({ } low, null) => $"{kind.Item1} từ {N(low)} trở lên / {kind.Item2} of at least {N(low)}",
            (null, { } high) => $"{kind.Item1} không quá {N(high)} / {kind.Item2} of at most {N(high)}",
            _ => $"{kind.Item1} / {kind.Item2}",
        };
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static Row TextRow(int index, params (string Column, string Text, uint? Style)[] cells)
    {
        var row = new Row { RowIndex = (uint)index };
        row.Append(cells.Select(c => TableExport.XlsxCell(c.Text, c.Column + index, c.Style)));
        return row;
    }

    /// <summary>
    /// Fonts: regular, bold, bold 14. Fills: the two Excel requires, grey (locked), yellow (to fill in).
    /// Cell formats by index: 0 default, 1 title, 2 label, 3 table header, 4 locked unit cells,
    /// 5 whole-number input (#,##0), 6 decimal input (General), 7 comment input (text) — inputs unlocked.
    /// </summary>
    private static Stylesheet Styles()
    {
        var unlocked = () => new Protection { Locked = false };
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
            { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid }))
            { Count = 4 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 2, BorderId = 0, FormatId = 0, ApplyFill = true, ApplyNumberFormat = true },
                new CellFormat(unlocked()) { NumberFormatId = 3, FontId = 0, FillId = 3, BorderId = 0, FormatId = 0, ApplyFill = true, ApplyNumberFormat = true, ApplyProtection = true },
                new CellFormat(unlocked()) { NumberFormatId = 0, FontId = 0, FillId = 3, BorderId = 0, FormatId = 0, ApplyFill = true, ApplyProtection = true },
                new CellFormat(unlocked()) { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyProtection = true })
            { Count = 8 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
