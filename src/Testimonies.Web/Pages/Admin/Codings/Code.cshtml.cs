using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>
/// /admin/coding/{id}: one coder codes one statement against the current codebook, seeing only their own earlier coding.
/// Every posted value is checked before anything is written; a wrong one is named beside its field (422).
/// </summary>
public class CodeModel(ArchiveDbContext db, CodingWriter writer, ILogger<CodeModel> logger) : PageModel
{
    public const string OpenedAtField = "opened_at";
    public const string NoneField = "none";

    /// <summary>The form's values for one reason, as shown (posted, or the coder's saved coding).</summary>
    public sealed record ReasonValues(bool Chosen, string? Confidence, string? Note, string? Words);

    public Statement Statement { get; private set; } = null!;
    public string Locator => Archive.Statement.Locator(Statement.Source.Chapter, Statement.Footnote, Statement.Section);
    public int? Version { get; private set; }
    public List<Reason> Reasons { get; private set; } = [];
    public Dictionary<string, ReasonValues> Values { get; private set; } = [];
    public bool NoneApplies { get; private set; }
    public DateTimeOffset? CodedAt { get; private set; }
    public int OpenedAt { get; private set; }
    public bool Saved { get; private set; }

    /// <summary>Problems by field: a reason's slug, or <see cref="GeneralField"/> for the form as a whole.</summary>
    public Dictionary<string, List<string>> Problems { get; } = [];
    public const string GeneralField = "";
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Version is not { } version)
        {
            Refusal = "There is no codebook version yet, so nothing can be coded; nothing was saved.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var form = Request.Form;
        var posted = form["reasons"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        NoneApplies = form[NoneField].Any(v => v == "yes");
        Values = Reasons.ToDictionary(r => r.Slug, r => new ReasonValues(posted.Contains(r.Slug),
            form[$"confidence-{r.Slug}"].FirstOrDefault(), form[$"note-{r.Slug}"].FirstOrDefault(),
            form[$"words-{r.Slug}"].FirstOrDefault()));
        var coded = Check(posted);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var openedAt = int.TryParse(form[OpenedAtField].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var at)
            ? at : -1;
        var refusal = await writer.SaveCodingAsync(Statement.Id, CodingQueries.MaintainerId(User), User.Identity!.Name!, version, coded,
            openedAt, cancellationToken);
        if (refusal is not null)
        {
            // What is saved now, and its token, so that the coder redoes the change on it.
            await LoadAsync(id, cancellationToken);
            Refusal = refusal.Message;
            Response.StatusCode = refusal.Status;
            return Page();
        }
        logger.LogInformation("{By} coded {Statement}: {Count} reasons", User.Identity!.Name, Statement.PublicId, coded.Count);
        return Redirect($"/admin/coding/{Uri.EscapeDataString(Statement.PublicId)}?saved=true");
    }

    /// <summary>The posted choice as rows to save; every problem recorded beside its reason.</summary>
    private List<CodedReason> Check(List<string> posted)
    {
        var bySlug = Reasons.ToDictionary(r => r.Slug, StringComparer.Ordinal);
        foreach (var unknown in posted.Where(slug => !bySlug.ContainsKey(slug)).Distinct())
            AddProblem(GeneralField, $"“{DetailsModel.Shorten(unknown, 60)}” is not a reason of codebook version {Version}; " +
                "choose among the reasons listed.");
        var chosen = Reasons.Where(r => posted.Contains(r.Slug)).ToList();
        if (chosen.Count == 0 && !NoneApplies)
            AddProblem(GeneralField, "Nothing was chosen: tick the reasons that apply, or “None of these reasons applies”.");
        if (chosen.Count > 0 && NoneApplies)
            AddProblem(GeneralField, "“None of these reasons applies” was ticked together with reasons; untick one or the other.");
        var coded = new List<CodedReason>();
        foreach (var reason in chosen)
        {
            var values = Values[reason.Slug];
            Confidence? confidence = values.Confidence is { Length: > 0 } c && Names.Confidences.BySlug.TryGetValue(c, out var parsed)
                ? parsed : null;
            if (confidence is null) AddProblem(reason.Slug, "Say how sure you are: certain or probable.");
            var note = string.IsNullOrWhiteSpace(values.Note) ? null : values.Note.Trim();
            if (note is { Length: > CodingQueries.NoteLimit })
                AddProblem(reason.Slug, $"The note is {note.Length:N0} characters long; the limit is {CodingQueries.NoteLimit:N0}.");
            int? start = null, end = null;
            if (!string.IsNullOrWhiteSpace(values.Words))
            {
                var words = values.Words.Trim();
                var at = words.Length > Statement.Text.Length ? -1 : Statement.Text.IndexOf(words, StringComparison.Ordinal);
                if (at < 0)
                    AddProblem(reason.Slug, "The words that justify it must be copied exactly from the statement’s words; " +
                        $"“{DetailsModel.Shorten(words, 60)}” is not among them.");
                else
                    (start, end) = (SourceAnchor.CodePoints(Statement.Text, at),
                        SourceAnchor.CodePoints(Statement.Text, at + words.Length));
            }
            if (confidence is { } sure) coded.Add(new CodedReason(reason.Id, sure, note, start, end));
        }
        return coded;
    }

    private void AddProblem(string field, string message)
    {
        if (!Problems.TryGetValue(field, out var list)) Problems[field] = list = [];
        list.Add(message);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Source).Include(s => s.Speaker)
            .FirstOrDefaultAsync(s => s.PublicId == id && s.Status != PublicationStatus.Withdrawn, cancellationToken);
        if (statement is null) return false;
        Statement = statement;
        Version = await db.CurrentCodebook.Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken);
        Reasons = CodingQueries.InCodebookOrder(await db.Reasons.AsNoTracking().ToListAsync(cancellationToken));
        var coder = await CodingQueries.CoderOfAsync(db, User, cancellationToken);
        OpenedAt = await CodingQueries.CodingStateAsync(db, statement.Id, coder?.Id, cancellationToken);
        // Only this coder's own current coding, never another's.
        var mine = coder is null ? [] : await db.Codings.AsNoTracking()
            .Where(c => c.StatementId == statement.Id && c.CoderId == coder.Id && c.ReplacedAt == null).ToListAsync(cancellationToken);
        CodedAt = mine.Max(c => c.CodedAt);
        NoneApplies = mine.Count > 0 && mine.All(c => c.ReasonId is null);
        Values = Reasons.ToDictionary(r => r.Slug, r => mine.FirstOrDefault(c => c.ReasonId == r.Id) is { } c
            ? new ReasonValues(true, c.Confidence?.Slug(), c.Note, Words(statement.Text, c.SpanStart, c.SpanEnd))
            : new ReasonValues(false, null, null, null));
        return true;
    }

    /// <summary>The words of a span given in code points, or null when none was marked.</summary>
    public static string? Words(string text, int? start, int? end)
    {
        if (start is not { } from || end is not { } to) return null;
        var (a, b) = (SourceAnchor.Utf16Index(text, from), SourceAnchor.Utf16Index(text, to));
        return a < 0 || b < a ? null : text[a..b];
    }
}
