namespace Testimonies.Web.Importing;

/// <summary>
/// What asking <see cref="Importer"/> for an import came to: refused (its kind, and the problems to show), or done, with
/// what it changed (or, for a preview or dry run, would change) and its record where one was written.
/// </summary>
public sealed record ImportResult(
    ImportRefusal? Refusal, IReadOnlyList<ImportProblem> Problems, ImportOutcome? Outcome, ImportRecord? Record)
{
    public bool Refused => Refusal is not null;

    /// <summary>Every problem found; <see cref="Problems"/> lists at most <see cref="ImportProblems.MaxListed"/> of them.</summary>
    public int ProblemCount => Problems is ImportProblems bounded ? bounded.Total : Problems.Count;

    /// <summary>"and 999,800 more: …" for the problems left out of the list, or null.</summary>
    public string? MoreProblems => (Problems as ImportProblems)?.MoreSummary;

    public static ImportResult Done(ImportOutcome outcome, ImportRecord? record) => new(null, [], outcome, record);

    public static ImportResult Invalid(IReadOnlyList<ImportProblem> problems) =>
        new(ImportRefusal.Invalid, ImportProblems.From(problems), null, null);

    /// <summary>A refusal of the whole import rather than of a line: one problem, whose message is the one to show.</summary>
    public static ImportResult Refuse(ImportRefusal refusal, string message) =>
        new(refusal, [new ImportProblem("upload", null, null, message)], null, null);
}
