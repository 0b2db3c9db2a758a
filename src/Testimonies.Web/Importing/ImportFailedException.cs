namespace Testimonies.Web.Importing;

/// <summary>Thrown when a data file cannot be loaded; the message lists the problems (bounded as on the page).</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportProblem> problems)
    : Exception(Describe(ImportProblems.From(problems)))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    private static string Describe(ImportProblems problems) =>
        $"The data could not be loaded ({problems.Total:N0} problem{(problems.Total == 1 ? "" : "s")}); nothing was written:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p))
        + (problems.MoreSummary is { } more ? Environment.NewLine + "  " + more : "");
}
