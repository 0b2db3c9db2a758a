namespace Testimonies.Web.Rendering;

/// <summary>Which way a language is written, for the dir attribute (Arabic text gets dir="rtl").</summary>
public static class TextDirection
{
    private static readonly HashSet<string> RightToLeft = ["ar", "fa", "he", "ps", "ur", "yi", "dv", "ckb", "sd", "ug"];

    public static string For(string? language)
    {
        if (string.IsNullOrEmpty(language)) return "ltr";
        var primary = language.Split('-')[0].ToLowerInvariant();
        return RightToLeft.Contains(primary) ? "rtl" : "ltr";
    }
}
