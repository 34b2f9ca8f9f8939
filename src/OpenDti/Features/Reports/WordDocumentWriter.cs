using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace OpenDti.Features.Reports;

/// <summary>
/// The Open XML of a plain Vietnamese report: an A4 page with the margins of Decree 30/2020/NĐ-CP on
/// administrative documents (top and bottom 2 cm, left 3 cm, right 2 cm), Times New Roman 13 pt, Word's
/// built-in heading styles (so the navigation pane and a table of contents find them), tables whose first
/// row repeats on every page, and PNG images with alternative text. Write the body, then <see cref="Save"/>.
/// </summary>
internal sealed class WordDocumentWriter : IDisposable
{
    /// <summary>The text width of the page: 21 cm − 3 cm − 2 cm, in EMU (360,000 per cm).</summary>
    public const long TextWidthEmu = 16L * 360_000;

    private const string Font = "Times New Roman";
    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _document;
    private readonly MainDocumentPart _main;
    private readonly Body _body = new();
    private uint _drawingId;

    public WordDocumentWriter(string title, string? headerNote)
    {
        _document = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        _document.PackageProperties.Title = title;
        _document.PackageProperties.Creator = "OpenDTI";
        _document.PackageProperties.Language = "vi-VN";
        _main = _document.AddMainDocumentPart();
        _main.Document = new Document(_body);
        _main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        HeaderNote = headerNote;
    }

    /// <summary>A line at the top of every page (the demo label), or null.</summary>
    private string? HeaderNote { get; }

    public void Title(string text) => _body.Append(Paragraph("Title", Run(text)));

    public void Subtitle(string text) => _body.Append(Paragraph("Subtitle", Run(text)));

    public void Heading(string text, int level = 1) => _body.Append(Paragraph($"Heading{level}", Run(text)));

    public void Text(string text, bool bold = false) => _body.Append(Paragraph(null, Run(text, bold)));

    /// <summary>A paragraph of runs, each bold or not: "Năm 2025: " + bold "hạng 7/34".</summary>
    public void Text(params (string Text, bool Bold)[] runs) => _body.Append(Paragraph(null, [.. runs.Select(r => Run(r.Text, r.Bold))]));

    public void Note(string text) => _body.Append(Paragraph("Caption", Run(text)));

    /// <summary>Starts a new page (one certificate per page).</summary>
    public void PageBreak() => _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>A notice no reader can miss: bold, dark red, in a yellow box with a red border.</summary>
    public void Alert(string heading, string text)
    {
        var border = new ParagraphBorders(
            new TopBorder { Val = BorderValues.Single, Size = 18, Color = "C00000", Space = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 18, Color = "C00000", Space = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 18, Color = "C00000", Space = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 18, Color = "C00000", Space = 4 });
        var paragraph = new Paragraph(
            new ParagraphProperties(border, new Shading { Val = ShadingPatternValues.Clear, Fill = "FFF2CC" }, new SpacingBetweenLines { Before = "120", After = "240" }),
            AlertRun(heading, 32),
            new Run(new Break()),
            AlertRun(text, 26));
        _body.Append(paragraph);
    }

    /// <summary>
    /// A table with a header row repeated on each page; <paramref name="numeric"/> marks the right-aligned columns
    /// and <paramref name="widths"/> gives each column's share of the text width (they need not add up to 1).
    /// </summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> widths, IReadOnlySet<int> numeric, string caption)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(widths);
        _body.Append(Paragraph("Caption", Run(caption)));
        const int textWidthTwips = 9072; // 16 cm
        var total = widths.Sum();
        var twips = widths.Select(w => (int)Math.Round(w / total * textWidthTwips)).ToList();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableLook { Val = "0420" }),
            new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header, twips, numeric, isHeader: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, twips, numeric, isHeader: false));
        }

        _body.Append(table);
        _body.Append(Paragraph(null));
    }

    /// <summary>A PNG across the text width, in proportion to its <paramref name="pixelWidth"/> × <paramref name="pixelHeight"/>, with alternative text.</summary>
    public void Image(byte[] png, int pixelWidth, int pixelHeight, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(png);
        var part = _main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            part.FeedData(data);
        }

        var id = ++_drawingId;
        var cx = TextWidthEmu;
        var cy = TextWidthEmu * pixelHeight / pixelWidth;
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = id, Name = name, Description = description },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = _main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        _body.Append(new Paragraph(new ParagraphProperties(new KeepNext()), new Run(new Drawing(inline))));
    }

    /// <summary>Closes the body with the A4 section and returns the document.</summary>
    public byte[] Save()
    {
        var section = new SectionProperties();
        if (HeaderNote is not null)
        {
            var header = _main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                AlertRun(HeaderNote, 20)));
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = _main.GetIdOfPart(header) });
        }

        section.Append(
            new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U });
        _body.Append(section);
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    private static Paragraph Paragraph(string? style, params OpenXmlElement[] runs)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(runs);
        return paragraph;
    }

    private static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Run AlertRun(string text, int halfPoints) =>
        new(new RunProperties(new Bold(), new Color { Val = "C00000" }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, IReadOnlySet<int> numeric, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new ParagraphProperties(
                new SpacingBetweenLines { Before = "40", After = "40" },
                new Justification { Val = numeric.Contains(i) ? JustificationValues.Right : JustificationValues.Left });

            var cellProperties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (isHeader)
            {
                cellProperties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3" });
            }

            row.Append(new TableCell(cellProperties, new Paragraph(properties, Run(cells[i], isHeader))));
        }

        return row;
    }

    private static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "26" },
                new FontSizeComplexScript { Val = "26" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto })));
        return new Styles(
            defaults,
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            ParagraphStyle("Title", "Title", 40, bold: true, outline: null, center: true, color: "1F3864"),
            ParagraphStyle("Subtitle", "Subtitle", 28, bold: false, outline: null, center: true, color: "404040"),
            ParagraphStyle("Heading1", "heading 1", 30, bold: true, outline: 0, center: false, color: "1F3864"),
            ParagraphStyle("Heading2", "heading 2", 27, bold: true, outline: 1, center: false, color: "1F3864"),
            ParagraphStyle("Caption", "caption", 22, bold: false, outline: null, center: false, color: "404040", italic: true),
            new Style(
                new StyleName { Val = "Report Table" },
                new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "ReportTable" },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
    }

    private static Style ParagraphStyle(string id, string name, int halfPoints, bool bold, int? outline, bool center, string color, bool italic = false)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = outline is null ? "0" : "240", After = "120" });
        if (center)
        {
            paragraph.Append(new Justification { Val = JustificationValues.Center });
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        run.Append(new Color { Val = color }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}
