using System.Globalization;
using System.Text;

namespace OpenDti.Features.Events;

/// <summary>
/// Events as iCalendar (RFC 5545), written by hand: CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 sequence (§3.1), TEXT values escaped (§3.3.11: backslash, semicolon, comma, newline),
/// times in UTC (…Z), a stable UID per event so that calendars update rather than duplicate.
/// </summary>
internal static class ICalendar
{
    public static string Write(IReadOnlyList<ConferenceSummary> events, string baseUrl, string host, ConferenceDetail? detail = null)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//OpenDTI//Events//VI");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "X-WR-CALNAME:" + Escape("OpenDTI — Sự kiện chuyển đổi số"));
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, string.Create(CultureInfo.InvariantCulture, $"UID:event-{e.Id}@{host}"));
            Line(text, "DTSTAMP:" + Utc(e.StartsAt));
            Line(text, "DTSTART:" + Utc(e.StartsAt));
            Line(text, "DTEND:" + Utc(e.EndsAt));
            Line(text, "SUMMARY:" + Escape(e.Title));
            Line(text, "LOCATION:" + Escape(e.HostUnitName));
            if (detail?.Description is { } description)
            {
                Line(text, "DESCRIPTION:" + Escape(description));
            }

            Line(text, string.Create(CultureInfo.InvariantCulture, $"URL:{baseUrl}/events/{e.Id}"));
            Line(text, "STATUS:CONFIRMED");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    internal static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Appends a content line folded at 75 octets: each continuation starts with a space.</summary>
    internal static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            text.Append(element);
            octets += size;
        }

        text.Append("\r\n");
    }
}
