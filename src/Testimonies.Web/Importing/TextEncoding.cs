using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Testimonies.Web.Importing;

/// <summary>
/// The one encoding the format takes, UTF-8 (with or without its byte-order mark), checked before a file is read: other
/// encodings are named (UTF-16 and UTF-32, marked or not, would otherwise read as NUL-riddled UTF-8), and a bad byte is located.
/// </summary>
public static class TextEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of the file without its byte-order mark, or null with the problem added.</summary>
    public static string? Decode(byte[] content, string fileName, string saveAs, ImportProblems problems) =>
        IsUtf8(content, fileName, saveAs, problems) ? StrictUtf8.GetString(WithoutMark(content)) : null;

    /// <summary>The bytes after a UTF-8 byte-order mark, if there is one.</summary>
    public static ReadOnlySpan<byte> WithoutMark(byte[] content) =>
        content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content.AsSpan(3) : content;

    /// <summary>Whether the file is UTF-8; if not, the problem is added, located where a byte is bad.</summary>
    public static bool IsUtf8(byte[] content, string fileName, string saveAs, ImportProblems problems)
    {
        var bytes = WithoutMark(content);
        var problem = Other(content) is { } other
            ? $"the file is {other.Name}, not UTF-8 ({other.Detail})."
            : bytes.StartsWith("PK\u0003\u0004"u8) ? "the file is a ZIP archive, not a text file; unpack it and import the files it holds."
            : null;
        if (problem is not null)
        {
            problems.Add(new(fileName, null, null, $"{problem} Save it as {saveAs} and import it again."));
            return false;
        }
        if (InvalidAt(bytes) is { } at)
        {
            var line = bytes[..at].Count((byte)'\n') + 1;
            var column = at - (bytes[..at].LastIndexOf((byte)'\n') + 1) + 1;
            problems.Add(new(fileName, line, null,
                $"the file is not valid UTF-8 (byte {column} of the line, 0x{bytes[at]:X2}); it may be Latin-1 or Windows-1252. "
                + $"Save it as {saveAs} and import it again."));
            return false;
        }
        return true;
    }

    /// <summary>Names an encoding other than UTF-8 by its byte-order mark, or by the NUL bytes that ASCII text has in it.</summary>
    private static (string Name, string Detail)? Other(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return ("UTF-32", "little-endian, with a byte-order mark");
        if (b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return ("UTF-32", "big-endian, with a byte-order mark");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return ("UTF-16", "little-endian, with a byte-order mark");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return ("UTF-16", "big-endian, with a byte-order mark");
        if (b.Length < 4) return null;
        if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) return ("UTF-32", "little-endian, without a byte-order mark");
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) return ("UTF-32", "big-endian, without a byte-order mark");
        if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) return ("UTF-16", "little-endian, without a byte-order mark");
        if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) return ("UTF-16", "big-endian, without a byte-order mark");
        return null;
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or null.</summary>
    private static int? InvalidAt(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false);
                if (status == OperationStatus.InvalidData) return offset + read;
                offset += read;
                if (status == OperationStatus.Done) return null;
            }
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
