using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OpenDti.Web.Tests.Security;

/// <summary>
/// Walks the site as the signed-in client sees it: from the start pages it follows every link to an HTML page of
/// this site (not the API, downloads, the culture switch or signing out), at most <see cref="PagesPerShape"/>
/// pages per path shape (numbers blurred), so a list of 34 provinces costs two visits, not 34.
/// </summary>
internal static partial class SiteCrawler
{
    public const int PagesPerShape = 2;
    public const int MaxPages = 160;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Every HTML page reached with 200, its path, raw text and parsed document.</summary>
    public static async Task<List<CrawledPage>> CrawlAsync(HttpClient client, IEnumerable<string> starts)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<CrawledPage>();
        var parser = new HtmlParser();
        while (queue.Count > 0 && seen.Count < MaxPages)
        {
            var path = WebUtility.HtmlDecode(queue.Dequeue()).Split('#')[0];
            var shape = Shape(path);
            if (!seen.Add(path) || shapes.GetValueOrDefault(shape) >= PagesPerShape)
            {
                continue;
            }

            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(Cancellation);
            var document = parser.ParseDocument(html);
            pages.Add(new CrawledPage(path, html, document, response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? string.Join(' ', csp) : null));
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Followable(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return pages;
    }

    /// <summary>The path with its numbers blurred.</summary>
    public static string Shape(string path) => Numbers().Replace(path.Split('#')[0], "#");

    private static bool Followable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.StartsWith("/api/", StringComparison.Ordinal)
        && !href.StartsWith("/culture/", StringComparison.Ordinal)
        && !href.Contains("sign-out", StringComparison.Ordinal)
        && !FileLink().IsMatch(href);

    [GeneratedRegex(@"\.(xlsx|csv|docx|pdf|ics|png|svg|json|geojson|zip)(\?|$)|[?&](format|download)=", RegexOptions.IgnoreCase)]
    private static partial Regex FileLink();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}

/// <summary>One page the crawler opened.</summary>
internal sealed record CrawledPage(string Path, string Html, IHtmlDocument Document, string? ContentSecurityPolicy);
