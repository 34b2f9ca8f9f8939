using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using OpenDti.Domain.Text;

namespace OpenDti.Features.DataEntry;

/// <summary>
/// The name an evidence file is kept and offered under: the last segment of what the browser sent (no
/// folders, so "../../etc/passwd" is "passwd"), NFC, without control or bidirectional-override characters
/// (which can make "gpj.exe" read as "exe.jpg") or the characters Windows forbids, without leading or
/// trailing dots and spaces, at most <see cref="MaxLength"/> characters; "evidence.&lt;type&gt;" when nothing is left.
/// </summary>
public static class EvidenceFileName
{
    /// <summary>The longest name kept (the column holds 255).</summary>
    public const int MaxLength = 200;

    /// <summary>The clean name of an upload whose content is of type <paramref name="typeName"/> ("PDF").</summary>
    public static string Clean(string? uploaded, string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var name = uploaded ?? string.Empty;
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is '"' or '*' or ':' or '<' or '>' or '?' or '|')
            {
                continue;
            }

            kept.Append(c);
        }

        name = kept.ToString().Trim().Trim('.', ' ');
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            name = extension.Length is > 0 and <= 10
                ? name[..(MaxLength - extension.Length)] + extension
                : name[..MaxLength];
        }

        return name.Length == 0 ? "evidence." + typeName.ToLowerInvariant() : VietnameseText.Normalize(name);
    }

    /// <summary>
    /// <c>attachment</c> with the name twice (RFC 6266): <c>filename*</c> in UTF-8 for every browser of this
    /// century, and an ASCII <c>filename</c> for the rest.
    /// </summary>
    public static string ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }
}
