using System.Globalization;
using ScottPlot;

namespace OpenDti.Features.Reports;

/// <summary>
/// The report's charts as PNG images, drawn on the server with ScottPlot (SkiaSharp, no display needed). Text is
/// Vietnamese, so the font must have its letters: DejaVu Sans (Debian's fonts-dejavu-core) when installed, else
/// whichever installed font ScottPlot finds able to draw the labels.
/// </summary>
internal static class ReportCharts
{
    public const int Width = 1600;
    public const int Height = 800;

    private const string PreferredFont = "DejaVu Sans";

    private static readonly Color Bar = Color.FromHex("#1f5c99");
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>One horizontal bar per pillar on a 0–100 scale, the first pillar at the top, each labelled with its score and rank.</summary>
    public static byte[] PillarBars(string title, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var plot = new Plot();
        var count = bars.Count;
        var drawn = plot.Add.Bars(bars.Select((b, i) => new Bar
        {
            Position = count - 1 - i,
            Value = b.Value ?? 0,
            Label = b.Label,
            FillColor = Bar,
            LineWidth = 0,
        }).ToList());
        drawn.Horizontal = true;
        drawn.ValueLabelStyle.FontSize = 26;
        drawn.ValueLabelStyle.FontName = FontName(bars.Select(b => b.Label));
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, count).Select(i => (double)(count - 1 - i))], [.. bars.Select(b => b.Name)]);
        plot.Axes.Left.TickLabelStyle.FontSize = 26;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 22;
        plot.Axes.SetLimits(0, 125, -0.6, count - 0.4);
        plot.XLabel("Điểm (0–100)", 24);
        Finish(plot, title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The index by year as a line, each point labelled with its score and rank.</summary>
    public static byte[] IndexOverTime(string title, IReadOnlyList<ChartPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var plot = new Plot();
        var shown = points.Select((p, i) => (Point: p, X: (double)i)).Where(p => p.Point.Value is not null).ToList();
        var line = plot.Add.Scatter(shown.Select(p => p.X).ToArray(), shown.Select(p => p.Point.Value!.Value).ToArray(), Bar);
        line.LineWidth = 5;
        line.MarkerSize = 18;
        foreach (var (point, x) in shown)
        {
            var label = plot.Add.Text(point.Label, x, point.Value!.Value);
            label.LabelFontSize = 24;
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -14;
        }

        plot.Axes.Bottom.SetTicks([.. points.Select((_, i) => (double)i)], [.. points.Select(p => p.Name)]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 26;
        plot.Axes.Left.TickLabelStyle.FontSize = 22;
        plot.Axes.SetLimits(-0.5, points.Count - 0.5, 0, 100);
        plot.YLabel("Điểm (0–100)", 24);
        Finish(plot, title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>A number as the report writes it: Vietnamese decimal comma, one decimal.</summary>
    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("N1", Vietnamese) : "—";

    private static void Finish(Plot plot, string title)
    {
        plot.Title(title, 30);
        plot.Font.Set(FontName([title]));
    }

    /// <summary>DejaVu Sans when installed, else an installed font that can draw <paramref name="texts"/>.</summary>
    private static string FontName(IEnumerable<string> texts) =>
        Fonts.GetTypeface(PreferredFont, bold: false, italic: false) is not null ? PreferredFont : Fonts.Detect(string.Concat(texts));
}

/// <summary>A bar of a chart: its axis name, its value (null draws nothing) and the label beside it.</summary>
internal sealed record ChartBar(string Name, double? Value, string Label);

/// <summary>A point of a line chart: its axis name, its value (null leaves a gap) and the label above it.</summary>
internal sealed record ChartPoint(string Name, double? Value, string Label);
