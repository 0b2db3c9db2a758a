using System.Globalization;
using System.Text;

namespace Testimonies.Web.Rendering;

/// <summary>
/// Words as part of a download's file name: lower-case ASCII letters, digits and hyphens (accents dropped, anything else a
/// hyphen), at most a given length, cut at a hyphen; empty where the words hold no such character.
/// </summary>
public static class FileNameWords
{
    public static string Of(string words, int maxLength)
    {
        var name = new StringBuilder();
        foreach (var c in words.Normalize(NormalizationForm.FormD))
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) name.Append(char.ToLowerInvariant(c));
            else if (name.Length > 0 && name[^1] != '-') name.Append('-');
        }
        var described = name.ToString().Trim('-');
        if (described.Length <= maxLength) return described;
        described = described[..maxLength];
        var cut = described.LastIndexOf('-');
        return (cut > 0 ? described[..cut] : described).Trim('-');
    }
}
