using System.Globalization;

namespace Testimonies.Web.Pages.Codebook;

/// <summary>
/// /codebook/compare?from=1&amp;to=2: what one version changes against another. Without parameters, the previous version
/// against the current one; a missing from is the version before to, a missing to the current one.
/// </summary>
public class CompareModel(ArchiveDbContext db) : PageModel
{
    public List<CodebookEditions.VersionRow> Versions { get; private set; } = [];
    public CodebookEdition? From { get; private set; }
    public CodebookEdition? To { get; private set; }
    public CodebookComparison? Comparison { get; private set; }

    /// <summary>Why there is nothing to show (a 400 or 404 sets the status too), or null.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = await CodebookEditions.ListAsync(db, cancellationToken);
        var numbers = Versions.Select(v => v.Number).ToList();
        var (from, fromProblem) = Read("from");
        var (to, toProblem) = Read("to");
        if ((fromProblem ?? toProblem) is { } problem)
        {
            Fail(StatusCodes.Status400BadRequest, problem);
            return;
        }
        if (numbers.Count < 2 && from is null && to is null)
        {
            Problem = numbers.Count == 0
                ? "The archive has recorded no version of its codebook yet: there is nothing to compare."
                : "The codebook has one version so far: there is nothing to compare it with yet.";
            return;
        }
        to ??= numbers.Count > 0 ? numbers.Max() : null;
        from ??= numbers.Where(n => n < to).Select(n => (int?)n).Max();
        if (to is null)
        {
            Fail(StatusCodes.Status404NotFound, $"The archive has no codebook version {from}.");
            return;
        }
        if (from is null)
        {
            Fail(StatusCodes.Status400BadRequest, $"Version {to} has no earlier version: choose one to compare it with.");
            return;
        }
        if (from == to)
        {
            Fail(StatusCodes.Status400BadRequest, "Choose two different versions to compare.");
            return;
        }
        From = await CodebookEditions.VersionAsync(db, from.Value, cancellationToken);
        To = await CodebookEditions.VersionAsync(db, to.Value, cancellationToken);
        if (From is null || To is null)
        {
            var missing = From is null ? from : to;
            Fail(StatusCodes.Status404NotFound, $"The archive has no codebook version {missing}.");
            return;
        }
        if (From.Codes is not null && To.Codes is not null) Comparison = CodebookComparison.Of(From.Codes, To.Codes);
    }

    /// <summary>A version number from the query: absent (null), a whole number from 1, or a problem to report.</summary>
    private (int? Number, string? Problem) Read(string name)
    {
        if (!Request.Query.TryGetValue(name, out var values) || values.ToString().Length == 0) return (null, null);
        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? (number, null)
            : (null, $"“{name}” must be a version number: a whole number from 1, such as {name}=1.");
    }

    private void Fail(int status, string problem)
    {
        Response.StatusCode = status;
        Problem = problem;
    }
}
