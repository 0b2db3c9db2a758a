using System.Globalization;

namespace Testimonies.Web.Archive;

/// <summary>
/// A date known to a year, a month or a day. Stored as ISO 8601 text of that precision
/// ("2016", "2016-01", "2016-01-15") so that no precision is invented.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4) return false;
        if (parts.Skip(1).Any(p => p.Length != 2)) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1) return false;
        int? month = null, day = null;
        if (parts.Length > 1)
        {
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
            month = m;
        }
        if (parts.Length > 2)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || d < 1 || d > DateTime.DaysInMonth(year, month!.Value)) return false;
            day = d;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"“{text}” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.");

    public override string ToString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        (_, null) => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}-{Month:D2}-{Day:D2}",
    };

    /// <summary>"January 2016", "2016" or "15 January 2016".</summary>
    public string ToDisplay()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        if (Month is null) return Year.ToString(CultureInfo.InvariantCulture);
        var monthName = culture.DateTimeFormat.GetMonthName(Month.Value);
        return Day is null ? $"{monthName} {Year}" : $"{Day} {monthName} {Year}";
    }
}
