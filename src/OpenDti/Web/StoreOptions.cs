using System.ComponentModel.DataAnnotations;
using OpenDti.Store;

namespace OpenDti.Web;

/// <summary>Where the store is and what is seeded into it. Section "Store"; flags <c>--db</c> and <c>--no-demo</c>.</summary>
internal sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>An SQLite connection string (the default file under ./data) or a PostgreSQL one ("Host=…").</summary>
    [Required]
    public string ConnectionString { get; set; } = StoreConnection.DefaultSqlite;

    /// <summary>Seed the labelled demo data set on first start.</summary>
    public bool Demo { get; set; } = true;
}
