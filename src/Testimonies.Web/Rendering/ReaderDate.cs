using System.Globalization;

namespace Testimonies.Web.Rendering;

/// <summary>A moment as a page shows it to a reader ("1 December 2026") and as its &lt;time datetime&gt; gives it ("2026-12-01").</summary>
public static class ReaderDate
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", English);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
