namespace Testimonies.Web.Importing;

/// <summary>The typed rows of a set of data files, parsed and checked on their own.</summary>
public sealed class ImportSet
{
    public List<ReasonRow> Reasons { get; } = [];
    public List<SourceRow> Sources { get; } = [];
    public List<SpeakerRow> Speakers { get; } = [];
    public List<StatementRow> Statements { get; } = [];
    public List<FindingRow> Findings { get; } = [];
    public List<CodebookRow> Codebook { get; } = [];
    public List<CoderRow> Coders { get; } = [];
    public List<CodingRow> Codings { get; } = [];
    public List<DecisionRow> Decisions { get; } = [];

    /// <summary>Plain-text files given with the tables (sources' texts), by file name, decoded.</summary>
    public Dictionary<string, string> TextFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>What validation found of the sources' texts and where each statement stands in them (TextAnchoring).</summary>
    public TextAnchoring.Result Anchoring { get; set; } = TextAnchoring.Result.Empty;

    /// <summary>What validation worked out of the codings: each coded statement's published reasons after the import.</summary>
    public CodingImport.Result Coding { get; set; } = CodingImport.Result.Empty;

    /// <summary>
    /// References made by rows left out for their own wrong cells, from those of their cells that read well: checked all the
    /// same, so that one upload shows its unknown references along with its wrong cells.
    /// </summary>
    public List<(RawRecord At, string Column, string Key)> LooseReferences { get; } = [];

    /// <summary>Keys of rows left out for their own wrong cells, by table: a reference to one is not called unknown.</summary>
    public Dictionary<string, HashSet<string>> LooseKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Tables whose file could not be read row by row (its header is wrong): references to them are not checked.</summary>
    public HashSet<string> UnreadTables { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys of a table's rows left out for their own wrong cells.</summary>
    public IReadOnlySet<string> LooseKeysOf(string table) => LooseKeys.GetValueOrDefault(table) ?? [];

    public int RowCount => Reasons.Count + Sources.Count + Speakers.Count + Statements.Count + Findings.Count + Codebook.Count
        + Coders.Count + Codings.Count + Decisions.Count;

    /// <summary>Parses every file; problems are added to <paramref name="problems"/>, never thrown.</summary>
    public static ImportSet Parse(IEnumerable<ImportFile> files, ImportProblems problems)
    {
        var set = new ImportSet();
        // Tables in the order they must be applied, whichever file or format they came in.
        var read = new List<(TableSpec Spec, RawRecord Record)>();
        foreach (var file in files)
        {
            var extension = Path.GetExtension(file.Name).ToLowerInvariant();
            if (extension == ".json")
            {
                read.AddRange(JsonTable.Read(file.Content, file.Name, problems));
                continue;
            }
            if (extension == ".txt")
            {
                if (TextEncoding.Decode(file.Content, file.Name, "UTF-8 plain text", problems) is { } text)
                    set.TextFiles[file.Name] = text;
                continue;
            }
            if (extension != ".csv")
            {
                problems.Add(new(file.Name, null, null,
                    "only CSV (.csv) and JSON (.json) files can be imported, with plain-text (.txt) files of sources' texts; " +
                    "see the data format (/admin/data-format on the site, docs/data-format.md in the repository)."));
                continue;
            }
            var spec = DataFormat.All.FirstOrDefault(t =>
                string.Equals(t.FileName, Path.GetFileName(file.Name), StringComparison.OrdinalIgnoreCase));
            if (spec is null)
            {
                problems.Add(new(file.Name, null, null,
                    $"unknown file name. " +
                    $"Name each CSV file after its table: {string.Join(", ", DataFormat.All.Select(t => t.FileName))}."));
                continue;
            }
            if (CsvTable.Read(file.Content, file.Name, spec, problems) is { } records)
                read.AddRange(records.Select(record => (spec, record)));
            else set.UnreadTables.Add(spec.Name);
        }
        foreach (var (spec, record) in read.OrderBy(r => DataFormat.All.ToList().IndexOf(r.Spec)))
            set.Add(spec, record, problems);
        read.Clear();
        set.CheckDuplicates(problems);
        return set;
    }

    /// <summary>The names of the files that gave at least one row.</summary>
    public HashSet<string> FilesWithRecords() =>
    [
        .. Reasons.Select(r => r.At.File), .. Sources.Select(s => s.At.File), .. Speakers.Select(s => s.At.File),
        .. Statements.Select(s => s.At.File), .. Findings.Select(f => f.At.File), .. Codebook.Select(c => c.At.File),
        .. Coders.Select(c => c.At.File), .. Codings.Select(c => c.At.File), .. Decisions.Select(d => d.At.File), .. TextFiles.Keys,
    ];

    /// <summary>Records that did not come from a file (a maintainer's form), checked by the same rules as an import.</summary>
    public static ImportSet FromRecords(IEnumerable<(TableSpec Spec, RawRecord Record)> records, ImportProblems problems)
    {
        var set = new ImportSet();
        foreach (var (spec, record) in records) set.Add(spec, record, problems);
        set.CheckDuplicates(problems);
        return set;
    }

    private static readonly Dictionary<string, string?> NoCells = [];

    private void Add(TableSpec spec, RawRecord record, ImportProblems problems)
    {
        var f = new FieldReader(record, problems);
        // A row keeps where it came from, not its cells: its values are in its own fields, and a large import would
        // otherwise hold every cell twice until it is written.
        var at = record with { Values = NoCells };
        switch (spec.Name)
        {
            case "reasons":
                var reason = new ReasonRow(at, f.Slug("slug"), f.Required("name"), f.Choice("theme", Names.Themes.BySlug),
                    f.Required("definition", DataFormat.MaxNoteLength), f.Optional("boundary", DataFormat.MaxNoteLength),
                    f.Number("position", 1, 10_000));
                RefuseExample(f, "slug", reason.Slug);
                if (!f.Failed) Reasons.Add(reason);
                else Loose(spec, f, "slug", reason.Slug);
                break;
            case "sources":
                var source = new SourceRow(at, f.Slug("key"), f.Required("title"), f.Optional("subtitle"),
                    f.Optional("title_sentence_case"), f.Optional("short_title"), f.Optional("chapter"),
                    f.Optional("chapter_title"), f.Optional("series"), f.Optional("series_number"), f.Required("publisher"),
                    f.Optional("author"), f.Date("published"), f.Url("url"), f.Language("language"),
                    f.Optional("notes", DataFormat.MaxNoteLength), f.Optional("text_file"), f.OptionalDate("text_taken"),
                    f.Optional("text_headings", DataFormat.MaxNoteLength), f.Optional("text_ends_before"),
                    f.Optional("text_correction_note", DataFormat.MaxNoteLength));
                RefuseExample(f, "key", source.Key);
                if (!f.Failed) Sources.Add(source);
                else Loose(spec, f, "key", source.Key);
                break;
            case "speakers":
                var speaker = new SpeakerRow(at, f.Slug("key"), f.Optional("name"), f.Required("description"), f.Optional("label"),
                    f.Optional("nationality"), f.Choice("role", Names.Roles.BySlug), f.YesNo("group"),
                    f.Optional("notes", DataFormat.MaxNoteLength));
                RefuseExample(f, "key", speaker.Key);
                if (!f.Failed) Speakers.Add(speaker);
                else Loose(spec, f, "key", speaker.Key);
                break;
            case "statements":
                var statement = new StatementRow(at, f.Slug("id", 40), f.Slug("source"), f.Number("position", 1, 1_000_000),
                    f.Optional("section"), f.Optional("footnote", 20), f.Slug("speaker"), f.Choice("kind", Names.Kinds.BySlug),
                    f.Language("language"), f.Required("text", DataFormat.MaxTextLength, exact: true), f.Optional("said_when"),
                    f.SlugList("reasons"), f.Optional("context", DataFormat.MaxNoteLength), f.Optional("content_note"),
                    f.Choice("status", Names.Statuses.BySlug, PublicationStatus.Published),
                    f.Optional("correction_note", DataFormat.MaxNoteLength), f.OptionalNumber("text_start", 0, int.MaxValue),
                    f.Optional("text_prefix", DataFormat.MaxShortLength),
                    f.Choice("provenance", Names.Provenances.BySlug, Provenance.NotStated),
                    f.Optional("provenance_words"), f.OptionalLanguage("spoken_language"), f.YesNoOrNotStated("translated"));
                CheckStatementText(statement, f);
                if (statement.PublicId.Length is > 0 and < 3) f.Problem("id", "an identifier needs at least 3 characters.");
                RefuseExample(f, "id", statement.PublicId);
                if (!f.Failed) Statements.Add(statement);
                else
                {
                    Loose(spec, f, "id", statement.PublicId);
                    LooseReference(at, f, "source", [statement.SourceKey]);
                    LooseReference(at, f, "speaker", [statement.SpeakerKey]);
                    LooseReference(at, f, "reasons", statement.ReasonSlugs);
                }
                break;
            case "findings":
                var finding = new FindingRow(at, f.Slug("key"), f.Slug("source"), f.Optional("footnote", 20),
                    f.Required("wording", DataFormat.MaxTextLength), f.Required("figure"), f.OptionalPercent("percent"),
                    f.Optional("percent_qualifier", 40), f.Required("dataset"), f.OptionalNumber("dataset_size", 1, int.MaxValue),
                    f.SlugList("reasons"));
                RefuseExample(f, "key", finding.Key);
                if (!f.Failed) Findings.Add(finding);
                else
                {
                    LooseReference(at, f, "source", [finding.SourceKey]);
                    LooseReference(at, f, "reasons", finding.ReasonSlugs);
                }
                break;
            case "codebook":
                var version = new CodebookRow(at, f.Number("version", 1, 10_000), f.Day("dated"),
                    f.Required("change_note", DataFormat.MaxNoteLength));
                if (!f.Failed) Codebook.Add(version);
                break;
            case "coders":
                var coder = new CoderRow(at, f.Slug("key"), f.Required("label"), f.Optional("notes", DataFormat.MaxNoteLength));
                RefuseExample(f, "key", coder.Key);
                if (!f.Failed) Coders.Add(coder);
                else Loose(spec, f, "key", coder.Key);
                break;
            case "codings":
                var coding = new CodingRow(at, f.Slug("statement", 40), f.Slug("coder"), f.OptionalSlug("reason"),
                    f.OptionalChoice("confidence", Names.Confidences.BySlug), f.Number("codebook_version", 1, 10_000),
                    f.OptionalMoment("coded_at"), f.Optional("note", DataFormat.MaxNoteLength),
                    record.Exact("words") is { } words ? words : null);
                if (coding.Words is { Length: > DataFormat.MaxTextLength })
                    f.Problem("words", $"these words have {coding.Words.Length:N0} characters; a statement has at most " +
                        $"{DataFormat.MaxTextLength:N0}.");
                if (!f.Failed) Codings.Add(coding);
                break;
            case "decisions":
                var decision = new DecisionRow(at, f.Slug("statement", 40), f.Number("codebook_version", 1, 10_000),
                    f.SlugList("reasons"), f.Moment("decided_at"), f.Required("why", DataFormat.MaxNoteLength));
                if (!f.Failed) Decisions.Add(decision);
                break;
        }
    }

    /// <summary>A template's example row, uploaded as it came, is refused: it would add an example to the archive.</summary>
    private static void RefuseExample(FieldReader f, string column, string key)
    {
        if (DataTemplate.IsExampleKey(key))
            f.Problem(column, $"“{key}” is the template's example row; replace it with a row of your own, or delete the row.");
    }

    /// <summary>The key of a row left out, when its key cell itself read well.</summary>
    private void Loose(TableSpec spec, FieldReader f, string column, string key)
    {
        if (f.FailedColumns.Contains(column) || key.Length == 0) return;
        if (!LooseKeys.TryGetValue(spec.Name, out var keys)) LooseKeys[spec.Name] = keys = new(StringComparer.Ordinal);
        keys.Add(key);
    }

    private void LooseReference(RawRecord at, FieldReader f, string column, IEnumerable<string> keys)
    {
        if (f.FailedColumns.Contains(column)) return;
        foreach (var key in keys.Where(k => k.Length > 0)) LooseReferences.Add((at, column, key));
    }

    /// <summary>Catches the usual copy-and-paste debris from a source's web text.</summary>
    private static void CheckStatementText(StatementRow statement, FieldReader f)
    {
        var text = statement.Text;
        if (text.Length == 0) return;
        if (text != text.Trim())
            f.Problem("text", "the text begins or ends with spaces or line breaks; remove them.");
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"Footnote\s*\d"))
            f.Problem("text", "the text still holds a footnote marker (“Footnote 95”); " +
                "put the number in the footnote column and remove it from the text.");
        if (statement.Kind == StatementKind.Quotation && text.Length > 1
            && text[0] is '“' or '"' or '‘' && text[^1] is '”' or '"' or '’')
            f.Problem("text", "a quotation is stored without its surrounding quotation marks; the page adds them.");
    }

    private void CheckDuplicates(ImportProblems problems)
    {
        Duplicates(Reasons, r => r.Slug, r => r.At, "slug", problems);
        Duplicates(Sources, s => s.Key, s => s.At, "key", problems);
        Duplicates(Speakers, s => s.Key, s => s.At, "key", problems);
        Duplicates(Statements, s => s.PublicId, s => s.At, "id", problems);
        Duplicates(Statements, s => $"{s.SourceKey} #{s.Position}", s => s.At, "position", problems);
        Duplicates(Findings, f => f.Key, f => f.At, "key", problems);
        Duplicates(Codebook, c => c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.At, "version", problems);
        Duplicates(Coders, c => c.Key, c => c.At, "key", problems);
        Duplicates(Codings, c => $"{c.StatementId} / {c.CoderKey} / {c.ReasonSlug ?? "(no reason)"}", c => c.At, "reason", problems);
        Duplicates(Decisions, d => $"{d.StatementId} at {d.DecidedAt:O}", d => d.At, "decided_at", problems);
    }

    private static void Duplicates<T>(List<T> rows, Func<T, string> key, Func<T, RawRecord> at, string column, ImportProblems problems)
    {
        foreach (var group in rows.GroupBy(key).Where(g => g.Count() > 1))
        {
            var first = at(group.First());
            foreach (var row in group.Skip(1))
                problems.Add(new(at(row).File, at(row).Line, column,
                    $"“{group.Key}” is used already on line {first.Line}; each must be unique."));
        }
    }
}
