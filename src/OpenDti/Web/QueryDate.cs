using System.Globalization;

namespace OpenDti.Web;

/// <summary>Reads an ISO date (yyyy-MM-dd) from a query string or a form, the one format the API accepts.</summary>
internal static class QueryDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string ToIso(this DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
