namespace OpenDti.Features.Events;

/// <summary>Which texts of an event are shown as links.</summary>
internal static class EventLinks
{
    /// <summary>True for an absolute http or https address: agenda materials may also be a plain description, never a script URL.</summary>
    public static bool IsWebLink(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
