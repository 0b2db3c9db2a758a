namespace Testimonies.Web.Archive;

/// <summary>The one table of names for the archive's kinds, statuses, roles and themes.</summary>
public static class Names
{
    public static readonly NameTable<StatementKind> Kinds = new(
        (StatementKind.Quotation, "quotation", "Quotation"),
        (StatementKind.Paraphrase, "paraphrase", "Paraphrase"));

    public static readonly NameTable<PublicationStatus> Statuses = new(
        (PublicationStatus.Published, "published", "Published"),
        (PublicationStatus.Draft, "draft", "Draft"),
        (PublicationStatus.Withdrawn, "withdrawn", "Withdrawn"));

    public static readonly NameTable<SpeakerRole> Roles = new(
        (SpeakerRole.Fighter, "fighter", "Fighter"),
        (SpeakerRole.ForeignFighter, "foreign-fighter", "Foreign fighter"),
        (SpeakerRole.Defector, "defector", "Defector"));

    /// <summary>How a statement's words reached its source; the labels finish "The words were …" on the statement page.</summary>
    public static readonly NameTable<Provenance> Provenances = new(
        (Provenance.ToldToAuthor, "told-to-author", "Told to the source’s author"),
        (Provenance.SentToAuthor, "sent-to-author", "Sent to the source’s author"),
        (Provenance.TakenFromElsewhere, "taken-from-elsewhere", "Taken from elsewhere"),
        (Provenance.NotStated, "not-stated", "The source does not say"));

    /// <summary>How sure a coder was; the labels finish "… that the reason applies".</summary>
    public static readonly NameTable<Confidence> Confidences = new(
        (Confidence.Certain, "certain", "Certain"),
        (Confidence.Probable, "probable", "Probable"));

    /// <summary>How a statement's published reasons were arrived at, as its page says it.</summary>
    public static readonly NameTable<CodingState> CodingStates = new(
        (CodingState.NotRecorded, "not-recorded", "No record of who coded it"),
        (CodingState.OneCoder, "one-coder", "Coded by one coder"),
        (CodingState.Agreed, "agreed", "Coded independently by two or more coders, who agreed"),
        (CodingState.Decided, "decided", "Coded independently by two or more coders; an editor decided where they disagreed"),
        (CodingState.AwaitingDecision, "awaiting-decision",
            "Coded independently by two or more coders, who disagree; until an editor decides, only the reasons all gave are shown"));

    /// <summary>The three themes of the first source's chapter, plus everything else.</summary>
    public static readonly NameTable<Theme> Themes = new(
        (Theme.FightingInjustice, "fighting-injustice", "Fighting injustice"),
        (Theme.IslamicUnity, "islamic-unity", "Islamic unity"),
        (Theme.CorruptionAndBarbarism, "corruption-and-barbarism", "Corruption and barbarism"),
        (Theme.Other, "other", "Other"));

    /// <summary>What a reader may report about a statement; the labels finish "What is wrong: …".</summary>
    public static readonly NameTable<ProblemKind> ProblemKinds = new(
        (ProblemKind.Words, "words", "The words (they differ from the source)"),
        (ProblemKind.Attribution, "attribution", "The attribution (who said it, or where it was published)"),
        (ProblemKind.Coding, "coding", "The coding (the reasons given for it)"),
        (ProblemKind.SafetyOrPrivacy, "safety-or-privacy", "A safety or privacy concern"),
        (ProblemKind.Other, "other", "Something else"));

    /// <summary>Where a report stands in the editors' queue.</summary>
    public static readonly NameTable<ProblemReportState> ProblemReportStates = new(
        (ProblemReportState.Open, "open", "Open"),
        (ProblemReportState.Accepted, "accepted", "Accepted"),
        (ProblemReportState.Declined, "declined", "Declined"),
        (ProblemReportState.Done, "done", "Done"));

    /// <summary>What readers see where a source gives no nationality.</summary>
    public const string NotStated = "Not stated";

    /// <summary>The same in URLs and data: a value no nationality can be spelt as.</summary>
    public const string NotStatedSlug = "not-stated";

    public static string Slug(this StatementKind kind) => Kinds.Slug(kind);
    public static string Label(this StatementKind kind) => Kinds.Label(kind);
    public static string Slug(this PublicationStatus status) => Statuses.Slug(status);
    public static string Slug(this SpeakerRole role) => Roles.Slug(role);
    public static string Label(this SpeakerRole role) => Roles.Label(role);
    public static string Slug(this Provenance provenance) => Provenances.Slug(provenance);
    public static string Label(this Provenance provenance) => Provenances.Label(provenance);
    public static string Slug(this Confidence confidence) => Confidences.Slug(confidence);
    public static string Slug(this CodingState state) => CodingStates.Slug(state);
    public static string Label(this CodingState state) => CodingStates.Label(state);
    public static string Slug(this ProblemKind kind) => ProblemKinds.Slug(kind);
    public static string Label(this ProblemKind kind) => ProblemKinds.Label(kind);
    public static string Slug(this ProblemReportState state) => ProblemReportStates.Slug(state);
    public static string Label(this ProblemReportState state) => ProblemReportStates.Label(state);
    public static string Slug(this Theme theme) => Themes.Slug(theme);
    public static string Name(this Theme theme) => Themes.Label(theme);
}
