namespace Testimonies.Web.Importing;

/// <summary>
/// The import format: nine CSV files (five of the archive, four of its coding), the same in data/ and in a maintainer's upload.
/// docs/data-format.md documents every column listed here (a test keeps the two in step).
/// </summary>
public static class DataFormat
{
    public const int MaxTextLength = 4000;
    public const int MaxNoteLength = 4000;
    public const int MaxShortLength = 300;

    /// <summary>"a, b or c": the values a column takes, from the table of names.</summary>
    private static string OneOf(IEnumerable<string> values) =>
        values.ToList() is var list && list.Count > 1 ? string.Join(", ", list[..^1]) + " or " + list[^1] : string.Join("", values);

    public static readonly TableSpec Reasons = new("reasons", "reasons.csv",
    [
        new("slug", true, "Stable identifier in URLs and in statements' reasons column: lower-case words joined by hyphens."),
        new("name", true, "Name shown to readers."),
        new("theme", true, OneOf(Names.Themes.Slugs) + "."),
        new("definition", true, "When to code a statement with this reason."),
        new("boundary", false, "When not to, and which reason applies instead."),
        new("position", true, "Order in the taxonomy (a whole number)."),
    ]);

    public static readonly TableSpec Sources = new("sources", "sources.csv",
    [
        new("key", true, "Stable identifier of the publication, e.g. csis-2016-ch9."),
        new("title", true, "Title of the publication."),
        new("subtitle", false, "Subtitle."),
        new("title_sentence_case", false, "Title and subtitle in sentence case, joined by “: ”, as APA 7 prints them."),
        new("short_title", false, "Short title for MLA in-text citations and Chicago short notes (the title's first noun phrase)."),
        new("chapter", false, "Chapter number or label, when the source is one chapter."),
        new("chapter_title", false, "Title of that chapter."),
        new("series", false, "Series the publication belongs to."),
        new("series_number", false, "Number within the series."),
        new("publisher", true, "Publisher (an organisation is one name)."),
        new("author", false, "Author as printed; empty when the work names none (never guessed)."),
        new("published", true, "Publication date at the precision the work gives: YYYY, YYYY-MM or YYYY-MM-DD."),
        new("url", false, "Web address of the publication (http or https); empty when not recorded (never guessed)."),
        new("language", false, "Language of the publication (BCP 47 tag); default en."),
        new("notes", false, "Notes for readers, Markdown."),
        new("text_file", false, "The source's full text: a UTF-8 plain-text file given with the tables (in data/, a path under the " +
            "folder such as sources/csis-2016-ch9.txt; in an upload, the file's name). Stored exactly, with its SHA-256; statements " +
            "are anchored in it. Empty: the source's words are not checked against a text."),
        new("text_taken", false, "When the text was taken from the publication (YYYY, YYYY-MM or YYYY-MM-DD); empty when not recorded."),
        new("text_headings", false, "The lines of the text that are its section headings, exactly as the text prints them, one a " +
            "line (a line break inside the cell)."),
        new("text_ends_before", false, "The first line of the text that is no longer the work (a web page's furniture); empty when " +
            "the text is all the work."),
        new("text_correction_note", false, "Why the text, its headings or its end change, when the source already has a text " +
            "in the archive; required then."),
    ]);

    public static readonly TableSpec Speakers = new("speakers", "speakers.csv",
    [
        new("key", true, "Stable identifier of the speaker. " +
            "Anonymous speakers each get their own key unless the source says they are the same person."),
        new("name", false, "Name, only where the source gives one."),
        new("description", true, "How the source identifies the speaker, in the source's own words, e.g. “a disillusioned British " +
            "fighter from London”; checked against the text of a source the speaker's statements stand in, where it has one."),
        new("label", false, "A short label written by the archive where the source's words alone do not tell speakers apart; " +
            "shown as the archive's, never as the source's."),
        new("nationality", false, "Nationality or origin as the source states it; empty when it does not."),
        new("role", true, OneOf(Names.Roles.Slugs) + ", as the source describes the speaker."),
        new("group", false, "yes when the source attributes the words to several people; default no."),
        new("notes", false, "What else the source says of the speaker, Markdown."),
    ]);

    public static readonly TableSpec Statements = new("statements", "statements.csv",
    [
        new("id", true, "Permanent public identifier (the short URL /s/{id}): lower-case letters, digits and hyphens, 3–40 characters. " +
            "Never changed once published."),
        new("source", true, "Key of the source (sources.csv or already in the archive)."),
        new("position", true, "Order of the statement in its source: 1, 2, 3…"),
        new("section", false, "Heading of the source's section the words stand under."),
        new("footnote", false, "Footnote number the source attaches to the words."),
        new("speaker", true, "Key of the speaker (speakers.csv or already in the archive)."),
        new("kind", true, "quotation (the speaker's words in quotation marks in the source) or paraphrase (reported speech)."),
        new("language", false, "Language of the text (BCP 47 tag); default en."),
        new("text", true, "Quotation: the words character for character, " +
            "without the surrounding quotation marks and without footnote markers. " +
            "Paraphrase: the source's reporting sentence as printed."),
        new("said_when", false, "When the words were said, as the source puts it (“early 2014”)."),
        new("reasons", false, "The published reasons: slugs separated by semicolons; empty when the words give no reason. For a " +
            "statement coded in codings.csv (or in the archive) they are worked out from its codings: leave the cell empty or give the " +
            "same."),
        new("context", false, "Short context note, Markdown."),
        new("content_note", false, "Warning shown before words that describe violence."),
        new("status", false, OneOf(Names.Statuses.Slugs) + "; default published."),
        new("correction_note", false, "Why the words of a statement already in the archive change, shown to readers with the correction; " +
            "required when an import changes them."),
        new("text_start", false, "Where the words begin in the source's text, in Unicode code points from 0; needed only when the " +
            "words occur more than once in the text (or give text_prefix)."),
        new("text_prefix", false, "Words that stand right before the statement's in the source's text, to tell apart words that " +
            "occur more than once."),
        new("provenance", false, OneOf(Names.Provenances.Slugs) + ": how the words reached the source, as the source says; " +
            "default not-stated."),
        new("provenance_words", false, "The source's own words that say so (e.g. “told the author”), checked against its text."),
        new("spoken_language", false, "Language the words were spoken in (BCP 47 tag), only where the source says; empty otherwise."),
        new("translated", false, "yes or no where the source says whether the words are a translation; empty when it does not say."),
    ]);

    public static readonly TableSpec Findings = new("findings", "findings.csv",
    [
        new("key", true, "Stable identifier of the finding."),
        new("source", true, "Key of the source that reports it."),
        new("footnote", false, "Footnote the source attaches to the figure."),
        new("wording", true, "The source's sentence stating the figure, word for word."),
        new("figure", true, "The figure as the source states it, e.g. “at least 21 individuals (35 per cent)”."),
        new("percent", false, "The percentage alone as a number (35, 8.5), for sorting and charts."),
        new("percent_qualifier", false, "The source's qualifier of that percentage, word for word (“at least”, “just over”); " +
            "shown with it."),
        new("dataset", true, "The dataset the figure describes, as the source names it."),
        new("dataset_size", false, "Number of cases in that dataset, only where the source states it for this figure (never " +
            "worked out from a percentage)."),
        new("reasons", false, "Reason slugs the figure is about, separated by semicolons."),
    ]);

    public static readonly TableSpec Codebook = new("codebook", "codebook.csv",
    [
        new("version", true, "Number of the codebook version: 1, 2, 3…, without gaps. An import that changes a reason's name, theme, " +
            "definition, boundary or position, or adds a reason, adds the next version here; a version once recorded never changes."),
        new("dated", true, "The version's date, YYYY-MM-DD."),
        new("change_note", true, "What changed in this version and why, in the archive's words."),
    ]);

    public static readonly TableSpec Coders = new("coders", "coders.csv",
    [
        new("key", true, "Stable identifier of the coder in codings.csv and exports, e.g. coder-1. Not a person's name or address: " +
            "coders are known to readers by key and label only."),
        new("label", true, "Name shown to readers, e.g. “Coder 1”."),
        new("notes", false, "What the archive says of this coder, Markdown."),
    ]);

    public static readonly TableSpec Codings = new("codings", "codings.csv",
    [
        new("statement", true, "Id of the statement coded (statements.csv or already in the archive)."),
        new("coder", true, "Key of the coder (coders.csv or already in the archive). All rows of one statement and coder together " +
            "are that coder's whole coding of it; importing them replaces the coder's earlier coding, which stays in the history."),
        new("reason", false, "Slug of the reason the coder applied; empty for a row saying that no reason of the codebook applies."),
        new("confidence", false, OneOf(Names.Confidences.Slugs) + ", how sure the coder was; empty when not recorded."),
        new("codebook_version", true, "The codebook version (codebook.csv) whose definitions the coder applied."),
        new("coded_at", false, "When the coder coded: YYYY-MM-DD, or a date and time with its offset (2026-12-01T14:10:00Z); empty when " +
            "not recorded."),
        new("note", false, "The coder's note, Markdown."),
        new("words", false, "Words inside the statement that justify the reason, exactly as the statement has them."),
    ]);

    public static readonly TableSpec Decisions = new("decisions", "decisions.csv",
    [
        new("statement", true, "Id of the statement its coders disagree on."),
        new("codebook_version", true, "The codebook version the decision applies."),
        new("reasons", false, "Reason slugs decided on, separated by semicolons; empty when none applies."),
        new("decided_at", true, "When the editor decided: YYYY-MM-DD, or a date and time with its offset."),
        new("why", true, "Why, in the editor's words; readers see it with the decision (the editor is not named)."),
    ]);

    /// <summary>In the order they must be applied: each refers only to those before it.</summary>
    public static readonly IReadOnlyList<TableSpec> All = [Reasons, Codebook, Sources, Speakers, Statements, Findings, Coders, Codings,
        Decisions];
}
