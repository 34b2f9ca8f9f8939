using System.Globalization;
using System.Reflection;

namespace OpenDti.Features.Maps;

/// <summary>
/// Where each province sits on the tile grid map (see SOURCES.md beside this file): one layout for the
/// 63 provinces valid until 30 June 2025 and one for the 34 valid from 1 July 2025.
/// </summary>
public sealed class TileGrid
{
    /// <summary>The day the 34 provinces of Resolution 202/2025/QH15 took effect.</summary>
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    private const string ResourceName = "OpenDti.Features.Maps.province-tiles.csv";

    private readonly Dictionary<string, TileLayout> _layouts;

    private TileGrid(Dictionary<string, TileLayout> layouts) => _layouts = layouts;

    /// <summary>The layout for the provinces valid on <paramref name="on"/>.</summary>
    public TileLayout LayoutOn(DateOnly on) => _layouts[on < MergerDate ? "63" : "34"];

    /// <summary>Reads the grid shipped inside the assembly.</summary>
    public static TileGrid Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    internal static TileGrid Parse(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header != "layout,code,row,col")
        {
            throw new InvalidDataException($"Expected the header 'layout,code,row,col'; found '{header}'.");
        }

        var tiles = new List<(string Layout, GridTile Tile)>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var cells = line.Split(',');
            if (cells.Length != 4
                || !int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                || !int.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var column))
            {
                throw new InvalidDataException($"Line {lineNumber}: expected layout,code,row,col with whole numbers; found '{line}'.");
            }

            tiles.Add((cells[0], new GridTile(cells[1], row, column)));
        }

        var layouts = tiles
            .GroupBy(t => t.Layout, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new TileLayout(g.Key, g.Select(t => t.Tile).ToList()),
                StringComparer.Ordinal);
        return new TileGrid(layouts);
    }
}

/// <summary>One layout of the grid: a tile per province, with the grid's size.</summary>
public sealed record TileLayout(string Name, IReadOnlyList<GridTile> Tiles)
{
    public int Rows { get; } = Tiles.Count == 0 ? 0 : Tiles.Max(t => t.Row) + 1;

    public int Columns { get; } = Tiles.Count == 0 ? 0 : Tiles.Max(t => t.Column) + 1;

    public GridTile? Find(string code) => Tiles.FirstOrDefault(t => t.Code == code);
}

/// <summary>A province's square: row 0 is the north, column 0 the west.</summary>
public sealed record GridTile(string Code, int Row, int Column);
