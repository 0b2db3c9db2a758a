namespace Testimonies.Web.Archive;

/// <summary>Settings of the archive's data and its dataset download, bound from the "Archive" section.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Used unless Archive:DatasetLicence says otherwise; the maintainers decide it.</summary>
    public const string DefaultDatasetLicence =
        "The archive's selection, coding, reason definitions and notes are offered under the Creative Commons Attribution 4.0 " +
        "International licence (CC BY 4.0): reuse them, citing the dataset as below. The quoted words remain their speakers', as " +
        "published by the sources named with each statement; they are reproduced for research and teaching, and the sources' own " +
        "terms apply to them.";

    /// <summary>Folder of curated data files; relative paths are resolved against the content root.
    /// Empty: data/ beside the published app, else the repository's data/ folder.</summary>
    public string? DataPath { get; set; }

    /// <summary>Load data/ into an empty store at start-up.</summary>
    public bool LoadDataWhenEmpty { get; set; } = true;

    /// <summary>The licence text of /dataset.zip (its LICENCE.txt and README); empty: the default.</summary>
    public string? DatasetLicence { get; set; } = DefaultDatasetLicence;

    /// <summary>The licence in effect: <see cref="DatasetLicence"/>, or the default when it is empty.</summary>
    public string Licence => DatasetLicence is { Length: > 0 } configured ? configured : DefaultDatasetLicence;

    /// <summary>
    /// The licence's short name as its text gives it: the first parenthesised name that starts with "CC" or ends with a
    /// version ("(CC BY 4.0)", "(ODbL 1.0)"); null when the text gives none, and the footer then links to the text.
    /// </summary>
    public string? LicenceShortName()
    {
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(Licence, @"\(([^()]{2,30})\)"))
        {
            var name = match.Groups[1].Value.Trim();
            if (name.StartsWith("CC", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(name, @"\d(\.\d+)*$"))
                return name;
        }
        return null;
    }

    /// <summary>
    /// Where readers write to the maintainers (an e-mail address or a web address), shown in every page's footer.
    /// Empty (the default): the footer says how to report a problem through the About page instead.
    /// </summary>
    public string? ContactAddress { get; set; }

    /// <summary>
    /// The site's public address ("https://testimonies.example.org") for every absolute link, and the one host
    /// the site answers (AllowedHosts). Empty: links follow the request's scheme and host (development, tests).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// <see cref="PublicUrl"/> as scheme://host[:port] without a trailing slash, or null when it is empty; anything
    /// that is not a bare http(s) address is refused with a message (at start-up, Program.cs).
    /// </summary>
    public static Uri? PublicAddress(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new ArchiveConfigurationException($"Archive:PublicUrl is \"{configured}\"; give the site's address alone, " +
                "for example \"https://testimonies.example.org\" (no path, query or user).");
        return new Uri(uri.GetLeftPart(UriPartial.Authority));
    }
}
