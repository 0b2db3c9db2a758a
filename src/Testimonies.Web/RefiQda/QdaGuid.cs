using System.Security.Cryptography;
using System.Text;

namespace Testimonies.Web.RefiQda;

/// <summary>
/// Name-based GUIDs (RFC 4122 version 5): the same thing exported twice has the same GUID, so a QDA program can tell
/// an export's codes, users and selections from the ones it had before.
/// </summary>
public static class QdaGuid
{
    /// <summary>The archive's namespace for its names; fixed once, never to change.</summary>
    private static readonly Guid Namespace = new("5b0e4c1e-7a3d-4f59-9a57-2f4f1c8d6e21");

    public static Guid Of(string name)
    {
        var length = 16 + Encoding.UTF8.GetByteCount(name);
        var input = length <= 256 ? stackalloc byte[length] : new byte[length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
        // RFC 4122's version 5 is defined on SHA-1; it names things here, it protects nothing.
#pragma warning disable CA5350
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public static string Theme(string slug) => Text("theme:" + slug);
    public static string Code(string reasonSlug) => Text("reason:" + reasonSlug);

    /// <summary>The code of a coder's judgement that none of the codebook's reasons applies.</summary>
    public static readonly string NoReasonCode = Text("no-reason-applies");

    public static string User(string coderKey) => Text("coder:" + coderKey);
    public static string Selection(string statementId) => Text("statement:" + statementId);
    public static string Case(string speakerKey) => Text("speaker:" + speakerKey);
    public static string Source(string sourceKey, int textVersion) => Text($"source:{sourceKey}:text-v{textVersion}");
    public static string Variable(string name) => Text("variable:" + name);

    public static string Coding(string statementId, string coderKey, string? reasonSlug) =>
        Text($"coding:{statementId}:{coderKey}:{reasonSlug ?? "no-reason-applies"}");

    private static string Text(string name) => Of(name).ToString("D");
}
