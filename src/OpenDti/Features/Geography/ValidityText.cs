using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenDti.Web;

namespace OpenDti.Features.Geography;

/// <summary>A validity period in words, in the request's language: "từ 01/07/2025", "until 30/06/2025".</summary>
internal static class ValidityText
{
    public static string Describe(IStringLocalizer localizer, DateOnly? from, DateOnly? to) =>
        (from, to) switch
        {
            (null, null) => localizer["always"],
            (null, { } end) => localizer.Format("until {0}", Day(end)),
            ({ } start, null) => localizer.Format("from {0}", Day(start)),
            ({ } start, { } end) => localizer.Format("{0} – {1}", Day(start), Day(end)),
        };

    private static string Day(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}
