using System.Globalization;

namespace Testimonies.Web.Rendering;

/// <summary>A language's name for readers ("English" for "en"), from a stored BCP 47 code.</summary>
public static class LanguageName
{
    /// <summary>The language's English name; the code itself when .NET does not know it (never a guess).</summary>
    public static string Of(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            return culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
