namespace OpenDti.Features.Maps;

/// <summary>The tile grid map of the provinces valid on a day: one square per province.</summary>
public sealed record ProvinceTileMap
{
    public required DateOnly On { get; init; }

    /// <summary>"63" before 1 July 2025, "34" from then on.</summary>
    public required string Layout { get; init; }

    public required int Rows { get; init; }

    public required int Columns { get; init; }

    /// <summary>What the grid is and where it comes from.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<ProvinceTile> Tiles { get; init; }
}

/// <summary>A province on the grid: its GSO code and name, row 0 the north, column 0 the west.</summary>
public sealed record ProvinceTile(string Code, string Name, int Row, int Column);
