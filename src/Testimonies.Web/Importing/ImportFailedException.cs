namespace Testimonies.Web.Importing;

/// <summary>Thrown when a data file cannot be loaded; the message lists every problem.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportProblem> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<ImportProblem> problems) =>
        $"The data could not be loaded ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}); nothing was written:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
