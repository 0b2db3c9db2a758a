using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Testimonies.Web.RefiQda;

/// <summary>
/// Writes a REFI-QDA project (.qdpx: a zip of project.qde and sources/) per QDA-XML 1.0's Project.xsd: coders as users, the
/// codebook as codes, speakers as cases with their nationality and role, each source's latest text as a text source with one
/// selection per statement (its anchor, in Unicode code points) carrying the statement's current codings. Streamed: the
/// statements are read from the store twice in order and written as they come, never held; only the codings, speakers and
/// sources are held, as small rows.
/// </summary>
public static class QdaProject
{
    public const string Namespace = "urn:QDA-XML:project:1.0";
    public const string ProjectEntry = "project.qde";
    private const string NationalityVariable = "Nationality";
    private const string RoleVariable = "Role";

    private readonly record struct CodingRow(int StatementId, int CoderId, int? ReasonId, DateTimeOffset? CodedAt);

    private sealed record SourceRow(int Id, string Key, string Title, string Publisher);

    private sealed record TextRow(int Id, int SourceId, int Version, string Sha256, DateTimeOffset StoredAt);

    private sealed record SpeakerRow(int Id, string Key, string? Name, string? Label, string Description, string? Nationality,
        SpeakerRole Role);

    private sealed record StatementRow(int Id, string PublicId, int SourceId, int SpeakerId, int? TextVersion, int? AnchorStart,
        int? AnchorEnd);

    /// <summary>Writes the project into <paramref name="output"/> as a zip; the stream is left open.</summary>
    public static async Task WriteAsync(ArchiveDbContext db, Stream output, QdaScope scope, string site, DateTimeOffset now,
        CancellationToken ct)
    {
        var version = await db.ReadVersionAsync(ct);
        var codebook = await db.CurrentCodebook.Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        var reasons = await db.Reasons.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        var reasonSlugs = reasons.ToDictionary(r => r.Id, r => r.Slug);
        var coders = await db.Coders.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Key, c.Label), ct);
        var sources = await db.Sources.AsNoTracking().Select(s => new SourceRow(s.Id, s.Key, s.Title, s.Publisher))
            .ToDictionaryAsync(s => s.Id, ct);
        var texts = await db.LatestSourceTexts.AsNoTracking()
            .Select(t => new TextRow(t.Id, t.SourceId, t.Version, t.Sha256, t.StoredAt)).ToDictionaryAsync(t => t.SourceId, ct);
        var speakers = await db.Speakers.AsNoTracking()
            .Select(s => new SpeakerRow(s.Id, s.Key, s.Name, s.Label, s.Description, s.Nationality, s.Role))
            .ToDictionaryAsync(s => s.Id, ct);

        // Current codings of the statements in scope, by statement: the one part of the export held whole (a few small numbers each).
        var codings = new List<CodingRow>();
        await foreach (var c in db.Codings.AsNoTracking()
            .Where(c => c.ReplacedAt == null && c.Statement.Status == PublicationStatus.Published)
            .OrderBy(c => c.StatementId).ThenBy(c => c.CoderId).ThenBy(c => c.ReasonId)
            .Select(c => new CodingRow(c.StatementId, c.CoderId, c.ReasonId, c.CodedAt)).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (scope.Holds(c.StatementId)) codings.Add(c);
        }
        var codingsOf = new Dictionary<int, (int First, int Count)>();
        for (var i = 0; i < codings.Count; i++)
        {
            var statement = codings[i].StatementId;
            codingsOf[statement] = codingsOf.TryGetValue(statement, out var at) ? (at.First, at.Count + 1) : (i, 1);
        }
        var usedCoders = codings.Select(c => c.CoderId).Distinct().Order().ToList();
        var userGuids = coders.ToDictionary(c => c.Key, c => QdaGuid.User(c.Value.Key));
        var codeGuids = reasonSlugs.ToDictionary(r => r.Key, r => QdaGuid.Code(r.Value));

        bool Selectable(StatementRow s) => texts.TryGetValue(s.SourceId, out var text) && s.TextVersion == text.Version
            && s.AnchorStart is not null && s.AnchorEnd is not null;

        // First pass: which sources the scope touches, so that their texts go into the zip before the project.
        var sourcesInScope = new HashSet<int>();
        await foreach (var s in db.PublishedStatements.AsNoTracking().Select(s => new { s.Id, s.SourceId }).AsAsyncEnumerable()
            .WithCancellation(ct))
        {
            if (scope.Holds(s.Id)) sourcesInScope.Add(s.SourceId);
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var sourceId in sourcesInScope.Where(texts.ContainsKey).Order())
        {
            var text = texts[sourceId];
            var content = await db.SourceTexts.AsNoTracking().Where(t => t.Id == text.Id).Select(t => t.Text).SingleAsync(ct);
            await using var entry = zip.CreateEntry($"sources/{QdaGuid.Source(sources[sourceId].Key, text.Version)}.txt",
                CompressionLevel.Optimal).Open();
            // The stored string's UTF-8 bytes, no byte-order mark: the positions count its code points from 0.
            await entry.WriteAsync(new UTF8Encoding(false).GetBytes(content), ct);
        }

        // The fastest compression and no indentation: the XML is most of the time spent writing a large project.
        await using var project = zip.CreateEntry(ProjectEntry, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(project, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("Project", Namespace);
        xml.WriteAttributeString("name", XmlSafe(scope.Name));
        xml.WriteAttributeString("origin", $"Testimonies ({site})");
        xml.WriteAttributeString("creationDateTime", XmlConvert.ToString(now.ToUniversalTime()));

        if (usedCoders.Count > 0)
        {
            xml.WriteStartElement("Users");
            foreach (var id in usedCoders)
            {
                xml.WriteStartElement("User");
                xml.WriteAttributeString("guid", QdaGuid.User(coders[id].Key));
                xml.WriteAttributeString("name", XmlSafe(coders[id].Label));
                xml.WriteAttributeString("id", coders[id].Key);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        var versionNote = codebook is { } number ? $", codebook version {number}" : "";
        xml.WriteStartElement("CodeBook");
        QdaCodebook.WriteCodes(xml, reasons.Select(CodebookCode.Of).ToList(), versionNote);
        xml.WriteEndElement();

        xml.WriteStartElement("Variables");
        WriteVariable(xml, NationalityVariable, "The speaker's nationality or origin as the source states it; no value where it does not.");
        WriteVariable(xml, RoleVariable, "The speaker's role in the archive's words: " +
            string.Join(", ", Names.Roles.Values.Select(r => r.Label())) + ".");
        xml.WriteEndElement();

        // Cases: one a speaker, in speaker order, with the selections of their statements.
        var casesOpen = false;
        int? currentSpeaker = null;
        await foreach (var s in Statements(db.PublishedStatements.OrderBy(s => s.SpeakerId).ThenBy(s => s.Source.Title)
            .ThenBy(s => s.SourceId).ThenBy(s => s.Position)).WithCancellation(ct))
        {
            if (!scope.Holds(s.Id)) continue;
            if (s.SpeakerId != currentSpeaker)
            {
                if (!casesOpen) xml.WriteStartElement("Cases");
                else xml.WriteEndElement();
                casesOpen = true;
                currentSpeaker = s.SpeakerId;
                WriteCase(xml, speakers[s.SpeakerId], site);
            }
            if (!Selectable(s)) continue;
            xml.WriteStartElement("SelectionRef");
            xml.WriteAttributeString("targetGUID", QdaGuid.Selection(s.PublicId));
            xml.WriteEndElement();
        }
        if (casesOpen)
        {
            xml.WriteEndElement(); // the last Case
            xml.WriteEndElement(); // Cases
        }

        // Sources: one a source with a text, in source order, a selection a statement.
        var leftOut = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var otherVersion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var selections = 0;
        var sourcesOpen = false;
        int? currentSource = null;
        await foreach (var s in Statements(ArchiveDbContext.InSourceOrder(db.PublishedStatements)).WithCancellation(ct))
        {
            if (!scope.Holds(s.Id)) continue;
            if (!Selectable(s))
            {
                var key = sources[s.SourceId].Key;
                var counts = texts.ContainsKey(s.SourceId) ? otherVersion : leftOut;
                counts[key] = counts.GetValueOrDefault(key) + 1;
                continue;
            }
            if (s.SourceId != currentSource)
            {
                if (!sourcesOpen) xml.WriteStartElement("Sources");
                else xml.WriteEndElement();
                sourcesOpen = true;
                currentSource = s.SourceId;
                WriteTextSource(xml, sources[s.SourceId], texts[s.SourceId], site);
            }
            var speaker = speakers[s.SpeakerId];
            xml.WriteStartElement("PlainTextSelection");
            xml.WriteAttributeString("guid", QdaGuid.Selection(s.PublicId));
            xml.WriteAttributeString("name", s.PublicId);
            xml.WriteAttributeString("startPosition", s.AnchorStart!.Value.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("endPosition", s.AnchorEnd!.Value.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("Description", XmlSafe($"Speaker: {Speaker.DisplayNameOf(speaker.Name, speaker.Label,
                speaker.Description)}. Permanent link: {site}/s/{s.PublicId}"));
            if (codingsOf.TryGetValue(s.Id, out var range))
            {
                for (var i = range.First; i < range.First + range.Count; i++)
                {
                    var coding = codings[i];
                    var coder = coders[coding.CoderId].Key;
                    var reason = coding.ReasonId is { } reasonId ? reasonSlugs[reasonId] : null;
                    xml.WriteStartElement("Coding");
                    xml.WriteAttributeString("guid", QdaGuid.Coding(s.PublicId, coder, reason));
                    xml.WriteAttributeString("creatingUser", userGuids[coding.CoderId]);
                    if (coding.CodedAt is { } at) xml.WriteAttributeString("creationDateTime", XmlConvert.ToString(at.ToUniversalTime()));
                    xml.WriteStartElement("CodeRef");
                    xml.WriteAttributeString("targetGUID", coding.ReasonId is { } id ? codeGuids[id] : QdaGuid.NoReasonCode);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
            selections++;
        }
        if (sourcesOpen)
        {
            xml.WriteEndElement(); // the last TextSource
            xml.WriteEndElement(); // Sources
        }

        xml.WriteElementString("Description",
            XmlSafe(Description(scope, site, now, version, codebook, selections, leftOut, otherVersion)));
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>
    /// Text as XML can hold it: a character XML 1.0 forbids (a NUL from a query string, a lone surrogate) becomes U+FFFD, so
    /// that odd input gives a valid project rather than an error halfway through writing it.
    /// </summary>
    public static string XmlSafe(string text)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            var allowed = pair || XmlConvert.IsXmlChar(text[i]);
            if (!allowed) safe ??= new StringBuilder(text, 0, i, text.Length);
            if (safe is not null)
            {
                if (pair) safe.Append(text, i, 2);
                else safe.Append(allowed ? text[i] : '\uFFFD');
            }
            if (pair) i++;
        }
        return safe?.ToString() ?? text;
    }

    private static IAsyncEnumerable<StatementRow> Statements(IQueryable<Statement> ordered) =>
        ordered.AsNoTracking()
            .Select(s => new StatementRow(s.Id, s.PublicId, s.SourceId, s.SpeakerId, s.TextVersion, s.AnchorStart, s.AnchorEnd))
            .AsAsyncEnumerable();

    private static void WriteVariable(XmlWriter xml, string name, string description)
    {
        xml.WriteStartElement("Variable");
        xml.WriteAttributeString("guid", QdaGuid.Variable(name));
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("typeOfVariable", "Text");
        xml.WriteElementString("Description", description);
        xml.WriteEndElement();
    }

    /// <summary>Opens a Case element and writes all but its selections; the caller closes it.</summary>
    private static void WriteCase(XmlWriter xml, SpeakerRow speaker, string site)
    {
        xml.WriteStartElement("Case");
        xml.WriteAttributeString("guid", QdaGuid.Case(speaker.Key));
        xml.WriteAttributeString("name", XmlSafe(Speaker.DisplayNameOf(speaker.Name, speaker.Label, speaker.Description)));
        xml.WriteElementString("Description", XmlSafe($"How the source describes the speaker: {speaker.Description}. " +
            $"Speaker page: {site}/speakers/{Uri.EscapeDataString(speaker.Key)}"));
        if (speaker.Nationality is { } nationality) WriteValue(xml, NationalityVariable, nationality);
        WriteValue(xml, RoleVariable, speaker.Role.Label());
    }

    private static void WriteValue(XmlWriter xml, string variable, string value)
    {
        xml.WriteStartElement("VariableValue");
        xml.WriteStartElement("VariableRef");
        xml.WriteAttributeString("targetGUID", QdaGuid.Variable(variable));
        xml.WriteEndElement();
        xml.WriteElementString("TextValue", XmlSafe(value));
        xml.WriteEndElement();
    }

    /// <summary>Opens a TextSource element and writes its description; the caller writes its selections and closes it.</summary>
    private static void WriteTextSource(XmlWriter xml, SourceRow source, TextRow text, string site)
    {
        var guid = QdaGuid.Source(source.Key, text.Version);
        xml.WriteStartElement("TextSource");
        xml.WriteAttributeString("guid", guid);
        xml.WriteAttributeString("name", XmlSafe(source.Title));
        xml.WriteAttributeString("plainTextPath", $"internal://{guid}.txt");
        xml.WriteAttributeString("creationDateTime", XmlConvert.ToString(text.StoredAt.ToUniversalTime()));
        xml.WriteElementString("Description", XmlSafe($"{source.Title} ({source.Publisher}). The archive's stored text, version " +
            $"{text.Version}, exactly (SHA-256 {text.Sha256}). Source page: {site}/sources/{Uri.EscapeDataString(source.Key)}"));
    }

    private static string Description(QdaScope scope, string site, DateTimeOffset now, long version, int? codebook, int selections,
        SortedDictionary<string, int> leftOut, SortedDictionary<string, int> otherVersion)
    {
        var text = new StringBuilder();
        text.AppendLine(scope.About);
        text.AppendLine(CultureInfo.InvariantCulture, $"Exported from Testimonies ({site}) on {now.UtcDateTime:yyyy-MM-dd}, " +
            $"archive version {version}: {selections} statements as selections of their sources' texts.");
        text.AppendLine("Each selection is a statement: its name is the statement's id, its startPosition and endPosition are where " +
            "the statement's words stand in the source's text file under sources/ (the archive's stored text, exactly, UTF-8), " +
            "counted in Unicode code points from 0, end exclusive.");
        text.AppendLine(codebook is { } number
            ? $"Codes: the archive's codebook (current version {number}); themes are parent codes, reasons their children."
            : "Codes: the archive's reasons (no codebook version recorded yet); themes are parent codes, reasons their children.");
        text.AppendLine("Users are the archive's coders, by their public labels; codings are their current codings. Cases are speakers, " +
            "with the variables Nationality (as the source states it; no value where it does not) and Role.");
        if (leftOut.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"Left out: {leftOut.Values.Sum()} statements whose source has no stored " +
                $"text, so they cannot be selections: {string.Join(", ", leftOut.Select(p => $"{p.Key} ({p.Value})"))}.");
        if (otherVersion.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"Left out: {otherVersion.Values.Sum()} statements not anchored in their " +
                $"source's latest text: {string.Join(", ", otherVersion.Select(p => $"{p.Key} ({p.Value})"))}.");
        return text.ToString().TrimEnd();
    }
}
