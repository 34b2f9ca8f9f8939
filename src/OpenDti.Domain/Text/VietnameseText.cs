using System.Globalization;
using System.Text;

namespace OpenDti.Domain.Text;

/// <summary>
/// The one place that decides how Vietnamese text is normalised, compared and sorted.
/// Text is stored in Unicode NFC (precomposed: "ệ" is one code point), so that the same name typed
/// on two keyboards compares equal; sorting follows the vi-VN collation of ICU
/// ("Đắk Lắk" sorts after "Đà Nẵng" and before "Điện Biên", unlike an ordinal sort).
/// </summary>
public static class VietnameseText
{
    /// <summary>The Vietnamese culture used for sorting and for formatting numbers and dates for people.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Compares strings with Vietnamese collation (culture-aware, case-sensitive).</summary>
    public static StringComparer Comparer { get; } = StringComparer.Create(Culture, ignoreCase: false);

    /// <summary>Compares strings with Vietnamese collation, ignoring case (for search and de-duplication).</summary>
    public static StringComparer IgnoreCaseComparer { get; } = StringComparer.Create(Culture, ignoreCase: true);

    /// <summary>
    /// Returns <paramref name="text"/> trimmed and in Unicode normalisation form C.
    /// Call it wherever text comes in: forms, uploads, API bodies, seed files.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }
}
