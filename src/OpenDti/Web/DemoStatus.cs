using Microsoft.EntityFrameworkCore;
using OpenDti.Store;

namespace OpenDti.Web;

/// <summary>Whether the store holds demo values, asked once per request, so every page can label them.</summary>
internal sealed class DemoStatus(OpenDtiDbContext db)
{
    private bool? _isPresent;

    public async Task<bool> IsPresentAsync(CancellationToken cancellationToken) =>
        _isPresent ??= await db.DataValues.AnyAsync(v => v.IsDemo, cancellationToken);
}
