using System.Globalization;
using System.Text.RegularExpressions;

namespace Testimonies.Web.Importing;

/// <summary>Reads typed values out of one record, adding a located problem for each bad cell.</summary>
internal sealed partial class FieldReader(RawRecord record, ImportProblems problems)
{
    public bool Failed { get; private set; }

    /// <summary>The columns whose cells were wrong: a wrong row's other references are checked still (ImportSet.LooseReferences).</summary>
    public HashSet<string> FailedColumns { get; } = new(StringComparer.Ordinal);

    public string Required(string column, int maxLength = DataFormat.MaxShortLength, bool exact = false)
    {
        var value = exact ? record.Exact(column) : record[column];
        if (value is null)
        {
            Problem(column, "this cell is empty but is required.");
            return "";
        }
        return CheckLength(column, value, maxLength);
    }

    public string? Optional(string column, int maxLength = DataFormat.MaxShortLength)
    {
        var value = record[column];
        return value is null ? null : CheckLength(column, value, maxLength);
    }

    /// <summary>An identifier, or null when the cell is empty.</summary>
    public string? OptionalSlug(string column) => record[column] is null ? null : Slug(column);

    public string Slug(string column, int maxLength = 80)
    {
        var value = Required(column, maxLength);
        if (value.Length > 0 && !SlugPattern().IsMatch(value))
            Problem(column,
                $"“{value}” is not a valid identifier: use lower-case letters, digits and single hyphens " +
                $"(e.g. “{ExampleIdentifier(column)}”).");
        return value;
    }

    /// <summary>An identifier of the kind the column holds: a statement's id for a statement, not a reason's slug.</summary>
    private static string ExampleIdentifier(string column) => column switch
    {
        "id" or "statement" => "csis16-01",
        "source" => "csis-2016-ch9",
        "reasons" or "reason" or "slug" => "lack-of-humanitarian-concern",
        "coder" => "coder-1",
        "speaker" => "anonymous-fighter-1",
        _ => "csis-2016-ch9",
    };

    public T Choice<T>(string column, IReadOnlyDictionary<string, T> allowed, T? fallback = null) where T : struct
    {
        var value = record[column];
        if (value is null)
        {
            if (fallback is not null) return fallback.Value;
            Problem(column, $"this cell is empty but is required: use one of {string.Join(", ", allowed.Keys)}.");
            return default;
        }
        if (allowed.TryGetValue(value.ToLowerInvariant(), out var choice)) return choice;
        var hint = Suggest.Nearest(value, allowed.Keys);
        Problem(column, $"“{value}” is not one of {string.Join(", ", allowed.Keys)}" + (hint is null ? "." : $"; did you mean “{hint}”?"));
        return default;
    }

    public int Number(string column, int min, int max)
    {
        var value = Required(column);
        if (value.Length == 0) return 0;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Problem(column, $"“{value}” is not a whole number from {min} to {max}.");
            return 0;
        }
        return number;
    }

    public int? OptionalNumber(string column, int min, int max) => record[column] is null ? null : Number(column, min, max);

    public double? OptionalPercent(string column)
    {
        var value = record[column];
        if (value is null) return null;
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent is >= 0 and <= 100)
            return percent;
        Problem(column, $"“{value}” is not a percentage from 0 to 100 (write 8.5, not 8,5% ).");
        return null;
    }

    public PartialDate Date(string column)
    {
        var value = Required(column);
        if (value.Length == 0) return default;
        if (PartialDate.TryParse(value, out var date)) return date;
        Problem(column, $"“{value}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD at the precision the source gives.");
        return default;
    }

    /// <summary>A whole date, YYYY-MM-DD.</summary>
    public DateOnly Day(string column)
    {
        var value = Required(column);
        if (value.Length == 0) return default;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        Problem(column, $"“{value}” is not a date: write YYYY-MM-DD.");
        return default;
    }

    /// <summary>A date (taken as 00:00 UTC) or a date and time with its offset (ISO 8601).</summary>
    public DateTimeOffset Moment(string column)
    {
        var value = Required(column);
        if (value.Length == 0) return default;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (value.Contains('T', StringComparison.Ordinal) && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            return moment.ToUniversalTime();
        Problem(column, $"“{value}” is not a date or a date and time: write YYYY-MM-DD or 2026-12-01T14:10:00Z (with its offset).");
        return default;
    }

    public DateTimeOffset? OptionalMoment(string column) => record[column] is null ? null : Moment(column);

    /// <summary>One of a table of names, or null when the cell is empty ("not recorded").</summary>
    public T? OptionalChoice<T>(string column, IReadOnlyDictionary<string, T> allowed) where T : struct =>
        record[column] is null ? null : Choice(column, allowed);

    public PartialDate? OptionalDate(string column) => record[column] is null ? null : Date(column);

    /// <summary>yes, no, or empty for "the source does not say" (null).</summary>
    public bool? YesNoOrNotStated(string column)
    {
        var value = record[column]?.ToLowerInvariant();
        switch (value)
        {
            case null: return null;
            case "no": return false;
            case "yes": return true;
            default:
                Problem(column, $"“{value}” is not yes or no; leave the cell empty when the source does not say.");
                return null;
        }
    }

    public string? OptionalLanguage(string column) => record[column] is null ? null : Language(column);

    public string? Url(string column)
    {
        var value = Optional(column, 2000);
        if (value is null) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return value;
        Problem(column, $"“{value}” is not an http or https address. Leave the cell empty when the address is not known.");
        return null;
    }

    public string Language(string column)
    {
        var value = record[column] ?? "en";
        if (!LanguagePattern().IsMatch(value))
            Problem(column, $"“{value}” is not a language tag such as en, ar or fr-CA.");
        return value;
    }

    public bool YesNo(string column)
    {
        var value = record[column]?.ToLowerInvariant();
        switch (value)
        {
            case null or "no" or "false" or "0": return false;
            case "yes" or "true" or "1": return true;
            default:
                Problem(column, $"“{value}” is not yes or no.");
                return false;
        }
    }

    public IReadOnlyList<string> SlugList(string column)
    {
        var value = record[column];
        if (value is null) return [];
        var slugs = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var duplicate in slugs.GroupBy(s => s).Where(g => g.Count() > 1))
            Problem(column, $"“{duplicate.Key}” is listed twice.");
        return slugs.Distinct().ToList();
    }

    public void Problem(string column, string message)
    {
        Failed = true;
        FailedColumns.Add(column);
        problems.Add(new ImportProblem(record.File, record.Line, column, message));
    }

    private string CheckLength(string column, string value, int maxLength)
    {
        if (value.Length > maxLength)
            Problem(column, $"this text has {value.Length:N0} characters; the limit is {maxLength:N0}.");
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            Problem(column, "this text contains control characters; remove them.");
        return value;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
