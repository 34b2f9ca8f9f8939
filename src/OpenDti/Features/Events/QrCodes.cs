using System.Text;
using QRCoder;

namespace OpenDti.Features.Events;

/// <summary>
/// QR codes of check-in links as SVG (QRCoder), served as data: URIs in &lt;img&gt; so that the pages' content
/// security policy (no inline styles) holds and the sheet prints sharp at any size.
/// </summary>
internal static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }

    public static string DataUri(string text) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(text)));
}
