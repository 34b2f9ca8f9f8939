using OpenDti.Domain.Geography;
using OpenDti.Features.Geography;

namespace OpenDti.Features.Maps;

/// <summary>Puts the provinces valid on a day on their tile grid layout.</summary>
public sealed class ProvinceTiles(UnitQueries units, TileGrid grid)
{
    public const string Source =
        "Tile grid map made by hand by the OpenDTI project (one square per province, placed by relative position; not boundaries). / Bản đồ ô vuông do dự án OpenDTI tự lập, mỗi tỉnh một ô, không thể hiện địa giới.";

    public async Task<ProvinceTileMap> OnAsync(DateOnly on, CancellationToken cancellationToken)
    {
        var layout = grid.LayoutOn(on);
        var provinces = await units.ListAsync(UnitLevel.Province, on, cancellationToken);
        var tiles = provinces
            .Select(p => layout.Find(p.Code) is { } tile
                ? new ProvinceTile(p.Code, p.Name, tile.Row, tile.Column)
                : throw new InvalidOperationException($"Province {p.Code} ({p.Name}), valid on {on:O}, has no square in tile layout {layout.Name}."))
            .OrderBy(t => t.Row).ThenBy(t => t.Column)
            .ToList();
        return new ProvinceTileMap
        {
            On = on,
            Layout = layout.Name,
            Rows = layout.Rows,
            Columns = layout.Columns,
            Source = Source,
            Tiles = tiles,
        };
    }
}
