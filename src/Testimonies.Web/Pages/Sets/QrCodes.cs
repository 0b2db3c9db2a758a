using QRCoder;

namespace Testimonies.Web.Pages.Sets;

/// <summary>
/// QR codes for a handout's links, made by QRCoder as PNG data: URIs (the CSP allows img-src data:, and no style attribute is
/// needed, which QRCoder's SVG would carry).
/// </summary>
public static class QrCodes
{
    public static string PngDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
