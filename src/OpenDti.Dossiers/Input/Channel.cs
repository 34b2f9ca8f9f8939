using System.Text;

namespace OpenDti.Dossiers.Input;

/// <summary>How a dossier was submitted.</summary>
public enum Channel
{
    Online,
    Counter,
    Postal,
}

/// <summary>
/// Channel names: <c>online</c>, <c>counter</c>, <c>postal</c> in any case, or Vietnamese
/// (<c>trực tuyến</c>; <c>tại quầy</c>, <c>trực tiếp</c>; <c>bưu chính</c>, <c>bưu chính công ích</c>),
/// with or without diacritics, spaces or underscores.
/// </summary>
internal static class ChannelNames
{
    private static readonly Dictionary<string, Channel> ByName = new(StringComparer.Ordinal)
    {
        ["online"] = Channel.Online,
        ["trực_tuyến"] = Channel.Online,
        ["truc_tuyen"] = Channel.Online,
        ["counter"] = Channel.Counter,
        ["tại_quầy"] = Channel.Counter,
        ["tai_quay"] = Channel.Counter,
        ["trực_tiếp"] = Channel.Counter,
        ["truc_tiep"] = Channel.Counter,
        ["postal"] = Channel.Postal,
        ["bưu_chính"] = Channel.Postal,
        ["buu_chinh"] = Channel.Postal,
        ["bưu_chính_công_ích"] = Channel.Postal,
        ["buu_chinh_cong_ich"] = Channel.Postal,
    };

    public const string Expected = "online, counter, postal (trực tuyến, tại quầy, bưu chính)";

    public static bool TryParse(ReadOnlySpan<byte> text, out Channel channel)
    {
        // The three English names are by far the most common: no string for them.
        if (text.Length == 6 && Ascii.EqualsIgnoreCase(text, "online"u8))
        {
            channel = Channel.Online;
            return true;
        }

        if (text.Length == 7 && Ascii.EqualsIgnoreCase(text, "counter"u8))
        {
            channel = Channel.Counter;
            return true;
        }

        if (text.Length == 6 && Ascii.EqualsIgnoreCase(text, "postal"u8))
        {
            channel = Channel.Postal;
            return true;
        }

        return ByName.TryGetValue(DossierHeader.Normalise(Encoding.UTF8.GetString(text)), out channel);
    }
}
