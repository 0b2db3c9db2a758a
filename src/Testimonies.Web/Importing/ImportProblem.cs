namespace Testimonies.Web.Importing;

/// <summary>One thing wrong with an import: where it is, what is wrong, and how to fix it.</summary>
public sealed record ImportProblem(string File, int? Line, string? Field, string Message)
{
    public override string ToString()
    {
        var where = Line is null ? File : $"{File}, line {Line}";
        return Field is null ? $"{where}: {Message}" : $"{where}, column “{Field}”: {Message}";
    }
}

/// <summary>Thrown when a data file cannot be loaded; the message lists every problem.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportProblem> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<ImportProblem> problems) =>
        $"The data could not be loaded ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}); nothing was written:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
