using Testimonies.Web.Archive;

namespace Testimonies.Web.Importing;

/// <summary>
/// What asking <see cref="Importer"/> for an import came to: refused (its kind, and the problems to show), or done, with
/// what it changed (or, for a preview or dry run, would change) and its record where one was written.
/// </summary>
public sealed record ImportResult(
    ImportRefusal? Refusal, IReadOnlyList<ImportProblem> Problems, ImportOutcome? Outcome, ImportRecord? Record)
{
    public bool Refused => Refusal is not null;

    public static ImportResult Done(ImportOutcome outcome, ImportRecord? record) => new(null, [], outcome, record);

    public static ImportResult Invalid(IReadOnlyList<ImportProblem> problems) => new(ImportRefusal.Invalid, problems, null, null);

    /// <summary>A refusal of the whole import rather than of a line: one problem, whose message is the one to show.</summary>
    public static ImportResult Refuse(ImportRefusal refusal, string message) =>
        new(refusal, [new ImportProblem("upload", null, null, message)], null, null);
}
