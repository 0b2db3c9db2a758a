using Testimonies.Web.Importing;

namespace Testimonies.Web.Reports;

/// <summary>
/// Readers' reports of problems with statements, and editors' work on them. Every value is checked before anything is
/// written; writes take the archive's writer lock (ImportGate) like the other small saves, waiting a moment for it.
/// Reports are not part of the archive: saving one leaves the archive's version, and so every public page, as it was.
/// </summary>
public sealed class ProblemReports(ArchiveDbContext db, ImportGate gate, TimeProvider clock)
{
    public const string KindField = "kind";
    public const string DescriptionField = "description";
    public const string ContactField = "contact";
    public const string StateField = "state";
    public const string NoteField = "note";
    public const string RevisionField = "revision";

    private static readonly ReportRefusal Busy = ReportRefusal.Of(StatusCodes.Status503ServiceUnavailable,
        "The archive is saving a large change right now. Wait a minute, then send the form again; nothing was saved.");

    /// <summary>A reader's report, checked; the problems beside their fields when it cannot be taken as it is.</summary>
    public static ReportRefusal? Check(string? kind, string? description, string? contact, out ProblemKind parsed)
    {
        var problems = new List<(string?, string)>();
        parsed = ProblemKind.Other;
        if (string.IsNullOrWhiteSpace(kind)) problems.Add((KindField, "Choose what is wrong."));
        else if (!Names.ProblemKinds.BySlug.TryGetValue(kind, out parsed))
            problems.Add((KindField, "Choose one of the listed kinds of problem."));
        var text = Normalize(description);
        if (text is null) problems.Add((DescriptionField, "Describe the problem: what is wrong, and, if you know it, what is right."));
        else if (text.Length > ProblemReport.DescriptionMaxLength)
            problems.Add((DescriptionField, $"The description has {text.Length:N0} characters; at most " +
                $"{ProblemReport.DescriptionMaxLength:N0} are taken. Shorten it."));
        var reach = Normalize(contact);
        if (reach is not null && reach.Length > ProblemReport.ContactMaxLength)
            problems.Add((ContactField, $"The contact has {reach.Length:N0} characters; at most {ProblemReport.ContactMaxLength} " +
                "are taken. An e-mail address or a name is enough."));
        else if (reach is not null && reach.Contains('\n', StringComparison.Ordinal))
            problems.Add((ContactField, "Write the contact on one line."));
        return problems.Count == 0 ? null : ReportRefusal.Invalid(problems);
    }

    /// <summary>Trimmed, with line breaks as "\n"; null when nothing but white space was sent.</summary>
    public static string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.ReplaceLineEndings("\n").Trim();

    /// <summary>Stores a checked report in the queue, open; null when it was stored.</summary>
    public async Task<ReportRefusal?> SubmitAsync(int statementId, ProblemKind kind, string description, string? contact,
        CancellationToken cancellationToken)
    {
        await using var writer = await gate.BeginWaitingAsync(db, cancellationToken);
        if (writer is null) return Busy;
        db.ProblemReports.Add(new ProblemReport
        {
            StatementId = statementId, Kind = kind, Description = Normalize(description)!, Contact = Normalize(contact),
            ReceivedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// An editor's change of a report's state, with a note and the statement's revision that fixed it (or none). Refused
    /// with 409 when the report was saved since <paramref name="openedAt"/>; null when it was saved.
    /// </summary>
    public async Task<ReportRefusal?> ChangeAsync(int reportId, int openedAt, string? state, string? note, string? revision,
        string by, CancellationToken cancellationToken)
    {
        var report = await db.ProblemReports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.StatementId, r.State }).SingleOrDefaultAsync(cancellationToken);
        if (report is null) return ReportRefusal.Of(StatusCodes.Status404NotFound, "There is no such report.");
        var problems = new List<(string?, string)>();
        var parsed = report.State;
        if (string.IsNullOrWhiteSpace(state) || !Names.ProblemReportStates.BySlug.TryGetValue(state, out parsed))
            problems.Add((StateField, "Choose one of the listed states."));
        var text = Normalize(note);
        if (text is null && parsed != report.State)
            problems.Add((NoteField, "Say why the state changes: the note is what the next editor reads."));
        else if (text is { Length: > ProblemReport.NoteMaxLength })
            problems.Add((NoteField, $"The note has {text.Length:N0} characters; at most {ProblemReport.NoteMaxLength:N0} are taken."));
        int? revisionId = null;
        if (!string.IsNullOrWhiteSpace(revision))
        {
            if (!int.TryParse(revision.Trim().TrimStart('#'), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var id))
                problems.Add((RevisionField, "Give the revision's number as the statement's history lists it, e.g. 12."));
            else if (!await db.Revisions.AnyAsync(r => r.Id == id && r.StatementId == report.StatementId, cancellationToken))
                problems.Add((RevisionField, $"Revision {id} is not a revision of this statement; its history lists the ones it has."));
            else revisionId = id;
        }
        if (problems.Count > 0) return ReportRefusal.Invalid(problems);

        await using var writer = await gate.BeginWaitingAsync(db, cancellationToken);
        if (writer is null) return Busy;
        var now = clock.GetUtcNow();
        // Compared and written in one statement: a save made since the form was opened has raised the version.
        var saved = await db.ProblemReports.Where(r => r.Id == reportId && r.Version == openedAt).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, parsed).SetProperty(r => r.Note, text).SetProperty(r => r.FixedByRevisionId, revisionId)
            .SetProperty(r => r.ChangedBy, by).SetProperty(r => r.ChangedAt, now).SetProperty(r => r.Version, r => r.Version + 1),
            cancellationToken);
        if (saved == 0)
            return ReportRefusal.Of(StatusCodes.Status409Conflict, "Another editor saved this report since this page was opened. " +
                "The page now shows what they saved; make your change again on it. Nothing was saved.");
        await writer.CommitAsync(cancellationToken);
        return null;
    }
}
