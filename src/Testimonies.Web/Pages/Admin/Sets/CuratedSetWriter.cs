using Testimonies.Web.Importing;
using Testimonies.Web.Pages.Sets;

namespace Testimonies.Web.Pages.Admin.Sets;

/// <summary>
/// Checks and saves an editor's curated set. Every save bumps the archive's version in its transaction, so the set's public
/// pages (output-cached by that version) show it at once; a save over a newer one is refused (409).
/// </summary>
public sealed class CuratedSetWriter(ArchiveDbContext db, ImportGate gate, TimeProvider clock)
{
    public const string SlugField = "slug";
    public const string TitleField = "title";
    public const string DescriptionField = "description";
    public const string IdsField = "ids";
    public const string PublishedField = "published";

    /// <summary>Addresses under /sets/ that are pages of their own, never a curated set's.</summary>
    public static readonly string[] ReservedSlugs = ["add", "draft", "embed", "handout", "new"];

    public sealed record Refusal(int Status, IReadOnlyList<(string? Field, string Message)> Problems);

    /// <summary>The checked fields, or the problems beside their fields (each id that is not a published statement named).</summary>
    public async Task<(CuratedSet? Checked, Refusal? Refusal)> CheckAsync(int? id, CuratedSetForm form, CancellationToken cancellationToken)
    {
        var problems = new List<(string?, string)>();
        var slug = form.Slug?.Trim() ?? "";
        if (slug.Length == 0) problems.Add((SlugField, "Give the set's address, e.g. reasons-for-leaving."));
        else if (slug.Length > CuratedSet.SlugMaxLength || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                 || slug.StartsWith('-') || slug.EndsWith('-'))
            problems.Add((SlugField,
                $"Use lower-case letters, digits and hyphens between them, at most {CuratedSet.SlugMaxLength} characters."));
        else if (ReservedSlugs.Contains(slug)) problems.Add((SlugField, $"/sets/{slug} is a page of the site; choose another address."));
        else if (await db.CuratedSets.AnyAsync(c => c.Slug == slug && c.Id != (id ?? 0), cancellationToken))
            problems.Add((SlugField, $"Another curated set has the address /sets/{slug}."));

        var (title, shortened) = SetRequest.CleanTitle(form.Title);
        if (title is null) problems.Add((TitleField, "Give the set a title."));
        else if (shortened) problems.Add((TitleField, $"The title is longer than {CuratedSet.TitleMaxLength} characters."));

        var description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.ReplaceLineEndings("\n").Trim();
        if (description is { Length: > CuratedSet.DescriptionMaxLength })
            problems.Add((DescriptionField, $"The description has {description.Length:N0} characters; at most " +
                $"{CuratedSet.DescriptionMaxLength:N0} are taken."));

        var request = SetRequest.Parse((form.Ids ?? "").Replace('\n', ',').Replace('\r', ',').Replace(' ', ','), null, false);
        var idProblems = new List<string>();
        if (request.TooMany) idProblems.Add($"A set holds at most {SetRequest.MaxStatements} statements; this names {request.Ids.Count}.");
        else
        {
            if (request.Ids.Count == 0 && request.Malformed.Count == 0) idProblems.Add("Name at least one statement, e.g. csis16-03.");
            idProblems.AddRange(request.Malformed.Select(m => $"“{m}” is not a statement id."));
            idProblems.AddRange(request.Duplicates.Select(d => $"{d} is named more than once."));
            var published = await db.PublishedStatements.Where(s => request.Ids.Contains(s.PublicId)).Select(s => s.PublicId)
                .ToListAsync(cancellationToken);
            idProblems.AddRange(request.Ids.Except(published).Select(m => $"{m} is not a published statement."));
        }
        if (idProblems.Count > 0) problems.Add((IdsField, string.Join(" ", idProblems.Take(10))));

        if (problems.Count > 0) return (null, new Refusal(StatusCodes.Status422UnprocessableEntity, problems));
        return (new CuratedSet
        {
            Slug = slug, Title = title!, Description = description, StatementIds = string.Join(',', request.Ids),
            Published = form.Published,
        }, null);
    }

    /// <summary>Saves a new set (<paramref name="id"/> null) or a change to one opened at <paramref name="openedAt"/>.</summary>
    public async Task<(int? Id, Refusal? Refusal)> SaveAsync(int? id, int openedAt, CuratedSetForm form, string by,
        CancellationToken cancellationToken)
    {
        var (set, refusal) = await CheckAsync(id, form, cancellationToken);
        if (refusal is not null) return (null, refusal);
        await using var writer = await gate.BeginWaitingAsync(db, cancellationToken);
        if (writer is null)
            return (null, new Refusal(StatusCodes.Status503ServiceUnavailable, [(null, ImportGate.BusyMessage)]));
        var now = clock.GetUtcNow();
        if (id is null)
        {
            set!.ChangedBy = by;
            set.ChangedAt = now;
            db.CuratedSets.Add(set);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // Compared and written in one statement: a save made since the form was opened has raised the version.
            var saved = await db.CuratedSets.Where(c => c.Id == id && c.Version == openedAt).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Slug, set!.Slug).SetProperty(c => c.Title, set.Title).SetProperty(c => c.Description, set.Description)
                .SetProperty(c => c.StatementIds, set.StatementIds).SetProperty(c => c.Published, set.Published)
                .SetProperty(c => c.ChangedBy, by).SetProperty(c => c.ChangedAt, now).SetProperty(c => c.Version, c => c.Version + 1),
                cancellationToken);
            if (saved == 0)
                return (null, new Refusal(StatusCodes.Status409Conflict, [(null, "Another editor saved this set since this page was " +
                    "opened. The page now shows what they saved; make your change again on it. Nothing was saved.")]));
        }
        await db.BumpVersionAsync(cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return (id ?? set!.Id, null);
    }
}
