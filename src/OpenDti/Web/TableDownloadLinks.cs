namespace OpenDti.Web;

/// <summary>
/// The CSV and XLSX links under a table (<c>Features/Shared/_TableDownloads.cshtml</c>): <paramref name="Path"/>
/// is the download's path without extension (<c>/rankings</c>), <paramref name="Query"/> the query string that
/// selects the same rows as the page; <paramref name="Table"/> names the table for screen readers when a page
/// has several, and <paramref name="Json"/> is the API address of the same data, if any.
/// </summary>
internal sealed record TableDownloadLinks(string Path, string Query, string? Table = null, string? Json = null)
{
    public string Href(string format) => Query.Length == 0 ? $"{Path}.{format}" : $"{Path}.{format}?{Query}";
}
