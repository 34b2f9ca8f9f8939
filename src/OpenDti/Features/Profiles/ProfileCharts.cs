using System.Globalization;

namespace OpenDti.Features.Profiles;

/// <summary>
/// Coordinates of the profile's server-side SVG charts (no script: the page works under a strict CSP).
/// Numbers go into SVG attributes in the invariant culture.
/// </summary>
public static class ProfileCharts
{
    public const int Width = 640;
    public const int BarHeight = 28;
    public const int LabelWidth = 220;
    public const int LineHeight = 220;

    /// <summary>One horizontal bar per score on a 0–100 scale.</summary>
    public static IReadOnlyList<Bar> Bars(IReadOnlyList<(string Label, double? Score)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var span = Width - LabelWidth - 60;
        return rows.Select((r, i) => new Bar(r.Label, i * (BarHeight + 8), Math.Clamp(r.Score ?? 0, 0, 100) / 100 * span, r.Score)).ToList();
    }

    /// <summary>The polyline of <paramref name="values"/> over evenly spaced periods, <paramref name="top"/> at the top edge and <paramref name="bottom"/> at the bottom.</summary>
    public static IReadOnlyList<Point> Line(IReadOnlyList<double?> values, double top, double bottom)
    {
        ArgumentNullException.ThrowIfNull(values);
        var step = values.Count > 1 ? (Width - 120.0) / (values.Count - 1) : 0;
        return values
            .Select((v, i) => v is { } value ? new Point(60 + (i * step), 20 + ((top - value) / (top - bottom) * (LineHeight - 60)), value) : null)
            .OfType<Point>()
            .ToList();
    }

    /// <summary>The x of period <paramref name="index"/> of <paramref name="count"/> on the line chart.</summary>
    public static string X(int index, int count) => F(60 + (index * (count > 1 ? (Width - 120.0) / (count - 1) : 0)));

    /// <summary>A number for an SVG attribute.</summary>
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The points attribute of a polyline.</summary>
    public static string Points(IEnumerable<Point> points) => string.Join(" ", points.Select(p => $"{F(p.X)},{F(p.Y)}"));

    public sealed record Bar(string Label, double Y, double Length, double? Score);

    public sealed record Point(double X, double Y, double Value);
}
