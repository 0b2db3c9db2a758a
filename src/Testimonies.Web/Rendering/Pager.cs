namespace Testimonies.Web.Rendering;

/// <summary>Page arithmetic for paginated lists; out-of-range pages are reported, never guessed.</summary>
public sealed record Pager(int Page, int PageSize, int TotalItems)
{
    public int PageCount => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);
    public bool Exists => Page >= 1 && Page <= PageCount;
    public int Skip => (Page - 1) * PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
    public int FirstItem => TotalItems == 0 ? 0 : Skip + 1;
    public int LastItem => Math.Min(TotalItems, Skip + PageSize);

    /// <summary>
    /// The requested page number: absent means page 1, unreadable means null; a number out of range stays as typed, to be reported.
    /// </summary>
    public static int? FromQuery(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 1
        : int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture,
            out var page) ? page
        : null;
}
