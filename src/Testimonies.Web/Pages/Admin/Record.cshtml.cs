using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

/// <summary>
/// Creates or edits one statement, speaker, source or reason. The form holds the import format's columns,
/// and saving imports it as a one-row file (Importer.SaveRowAsync): the same checks, an import record,
/// a revision, the same search-index update.
/// </summary>
public class RecordModel(ArchiveDbContext db, Importer importer, ILogger<RecordModel> logger) : PageModel
{
    /// <summary>Columns written as Markdown: the form offers a preview of them.</summary>
    public static readonly HashSet<string> MarkdownColumns = ["context", "notes"];

    /// <summary>Columns that take a paragraph, not a line.</summary>
    public static readonly HashSet<string> LongColumns =
        ["text", "context", "notes", "definition", "boundary", "correction_note", "content_note"];

    /// <summary>
    /// Columns with a fixed set of values: the table of names the import reads, so a form offers exactly what a file may hold.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Choices = new Dictionary<string, string[]>
    {
        ["kind"] = [.. Names.Kinds.Slugs],
        ["status"] = [.. Names.Statuses.Slugs],
        ["role"] = [.. Names.Roles.Slugs],
        ["theme"] = [.. Names.Themes.Slugs],
        ["group"] = ["no", "yes"],
        // Empty: the source does not say (the format's default), offered first so that an empty value stays empty.
        ["provenance"] = ["", .. Names.Provenances.Slugs],
        ["translated"] = ["", "no", "yes"],
    };

    /// <summary>Hints where a form's picker replaces what a file writes (reasons as checkboxes, not slugs with semicolons).</summary>
    public static readonly IReadOnlyDictionary<(string Table, string Column), string> FormHints =
        new Dictionary<(string Table, string Column), string>
        {
            [("statements", "reasons")] = "Tick each reason the words themselves give; the codebook defines each and its boundaries. " +
                "Where coders code the statement, its published reasons come from their codings instead.",
            [("statements", "speaker")] = "The speaker as the source describes them; add a new one under Records → Speakers first.",
            [("statements", "source")] = "The publication the words are taken from; add a new one under Records → Sources first.",
        };

    /// <summary>A column's label for people: “Said when”, not said_when.</summary>
    public static string LabelOf(string column) => column switch
    {
        "id" => "Permanent id",
        "url" => "Web address",
        "text" => "Words",
        "group" => "Several people",
        "text_file" => "Text file",
        _ => char.ToUpperInvariant(column[0]) + column[1..].Replace('_', ' '),
    };

    public string Table { get; private set; } = "";
    public string Key { get; private set; } = "";
    public bool IsNew => Key == "new";
    public TableSpec Spec => FormatRows.Editable[Table];
    public Dictionary<string, string?> Values { get; private set; } = [];
    public Dictionary<string, List<string>> Problems { get; } = [];
    public List<string> GeneralProblems { get; } = [];
    public bool Previewing { get; private set; }
    public bool Saved { get; private set; }
    public List<(string Slug, string Name)> AllReasons { get; private set; } = [];

    /// <summary>The statement form's pickers: every speaker and source by key, with what names it.</summary>
    public List<(string Key, string Name)> AllSpeakers { get; private set; } = [];
    public List<(string Key, string Name)> AllSources { get; private set; } = [];
    public List<StatementRevision> Revisions { get; private set; } = [];

    /// <summary>
    /// The form's hidden field: the row's version (RowVersion) when the form was opened, so a save over a newer one is refused.
    /// </summary>
    public const string OpenedAtField = "opened_at";

    public int OpenedAt { get; private set; }

    /// <summary>The reasons form's extra field: the change note of the codebook version its change makes.</summary>
    public const string CodebookNoteField = "codebook_change_note";

    public string? CodebookNote { get; private set; }
    public int NextCodebookVersion { get; private set; }

    /// <summary>The codebook version the saved change made, for the notice; null when it made none.</summary>
    public int? MadeCodebookVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string table, string key, bool saved, int? codebook, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(table, key, cancellationToken)) return NotFound();
        Saved = saved;
        MadeCodebookVersion = saved && table == "reasons" && codebook is { } made && made == NextCodebookVersion - 1 ? made : null;
        return Page();
    }

    /// <summary>Shows the form again with the Markdown rendered, saving nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string table, string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(table, key, cancellationToken)) return NotFound();
        Values = Posted();
        OpenedAt = PostedOpenedAt() ?? OpenedAt;
        Previewing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string table, string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(table, key, cancellationToken)) return NotFound();
        Values = Posted();
        var openedAt = IsNew ? null : PostedOpenedAt();
        OpenedAt = openedAt ?? OpenedAt;
        var keyColumn = Spec.Columns[0].Name;
        // The permanent id is locked once the row exists (its URL is cited): a form that changes it anyway is refused.
        if (!IsNew && Request.Form[keyColumn].FirstOrDefault() is { Length: > 0 } postedKey && postedKey.Trim() != Key)
            AddProblem(keyColumn, $"the {LabelOf(keyColumn).ToLowerInvariant()} of a {Table.TrimEnd('s')} that exists already never "
                + $"changes (“{Key}” is cited by its address); nothing was saved. To publish the words under another id, create a new "
                + "one and withdraw this one.");
        if (IsNew && Values[keyColumn] is { Length: > 0 } newKey
            && await FormatRows.FindAsync(db, table, newKey.Trim(), cancellationToken) is not null)
            AddProblem(keyColumn, $"“{newKey.Trim()}” is taken already; choose another {keyColumn}, or edit that one.");
        if (Problems.Count > 0) return Invalid();

        CodebookNote = Table == "reasons" ? Request.Form[CodebookNoteField].FirstOrDefault() is { Length: > 0 } note ? note.Trim() : null
            : null;
        var result = await importer.SaveRowAsync(Spec, Values, User.Identity!.Name!, cancellationToken, openedAt, CodebookNote);
        if (result.Refusal == ImportRefusal.Changed)
        {
            // The newer values, and their version, so the maintainer redoes the change on what is there now.
            await LoadAsync(table, key, cancellationToken);
            GeneralProblems.AddRange(result.Problems.Select(p => p.Message));
            Response.StatusCode = ImportStatus.For(ImportRefusal.Changed);
            return Page();
        }
        if (result.Refusal is { } refusal)
        {
            foreach (var problem in result.Problems)
            {
                if (refusal == ImportRefusal.Invalid) AddProblem(problem.Field, problem.Message);
                else GeneralProblems.Add(problem.Message);
            }
            Response.StatusCode = ImportStatus.For(refusal);
            return Page();
        }
        logger.LogInformation("{By} saved {Table} {Key}: {Summary}", User.Identity!.Name, table, Values[keyColumn],
            result.Outcome!.Summary);
        var made = CodebookNote is null ? "" : $"&codebook={NextCodebookVersion}";
        return Redirect($"/admin/{table}/{Uri.EscapeDataString(Values[keyColumn]!.Trim())}?saved=true{made}");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private void AddProblem(string? column, string message)
    {
        if (column == "change_note" || message.Contains("codebook", StringComparison.Ordinal) && Table == "reasons")
            column = CodebookNoteField;
        if (column == CodebookNoteField)
        {
            if (!Problems.TryGetValue(column, out var notes)) Problems[column] = notes = [];
            notes.Add(message);
            return;
        }
        if (column is null || !Spec.Columns.Any(c => c.Name == column)) { GeneralProblems.Add(message); return; }
        if (!Problems.TryGetValue(column, out var list)) Problems[column] = list = [];
        list.Add(message);
    }

    /// <summary>The form's values by column; the key of an existing row is the one in its address, whatever was posted.</summary>
    private Dictionary<string, string?> Posted()
    {
        var values = new Dictionary<string, string?>();
        foreach (var column in Spec.Columns)
        {
            var posted = Request.Form[column.Name];
            values[column.Name] = column.Name == "reasons"
                ? string.Join(';', posted.Where(v => !string.IsNullOrWhiteSpace(v)))
                : posted.FirstOrDefault();
        }
        if (!IsNew) values[Spec.Columns[0].Name] = Key;
        return values;
    }

    /// <summary>The version the posted form was opened at; null when a form without one was posted (then nothing is compared).</summary>
    private int? PostedOpenedAt() =>
        int.TryParse(Request.Form[OpenedAtField].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version : null;

    private async Task<bool> LoadAsync(string table, string key, CancellationToken cancellationToken)
    {
        if (!FormatRows.Editable.ContainsKey(table)) return false;
        Table = table;
        Key = key;
        if (table == "reasons")
            NextCodebookVersion = (await db.CodebookVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        if (table == "statements")
        {
            AllReasons = (await db.Reasons.OrderBy(r => r.Position).Select(r => new { r.Slug, r.Name }).ToListAsync(cancellationToken))
                .Select(r => (r.Slug, r.Name)).ToList();
            AllSpeakers = (await db.Speakers.OrderBy(s => s.Key).Select(s => new { s.Key, s.Name, s.Description })
                    .ToListAsync(cancellationToken))
                .Select(s => (s.Key, s.Name ?? s.Description)).ToList();
            AllSources = (await db.Sources.OrderBy(s => s.Key).Select(s => new { s.Key, s.Title }).ToListAsync(cancellationToken))
                .Select(s => (s.Key, s.Title)).ToList();
        }
        if (IsNew)
        {
            Values = Spec.Columns.ToDictionary(c => c.Name, c => (string?)(c.Name switch
            {
                "kind" => "quotation", "status" => "published", "language" => "en", "role" => "fighter", "group" => "no",
                "theme" => "other",
                _ => null,
            }));
            return true;
        }
        var values = await FormatRows.FindAsync(db, table, key, cancellationToken);
        if (values is null) return false;
        Values = values;
        OpenedAt = await RowVersion.ReadAsync(db, table, key, cancellationToken);
        if (table == "statements")
            Revisions = await db.Revisions.AsNoTracking().Where(r => r.Statement.PublicId == key).OrderByDescending(r => r.Id).Take(5)
                .ToListAsync(cancellationToken);
        return true;
    }
}
