using Testimonies.Web.Pages.Statements;

namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>
/// /admin/coding/{id}/decide: the coders' current codings side by side with the words and the definitions of the reasons in
/// play; the editor chooses the reasons to publish and says why.
/// </summary>
public class DecideModel(ArchiveDbContext db, CodingWriter writer, ILogger<DecideModel> logger) : PageModel
{
    public const string OpenedAtField = "opened_at";
    public const string NoneField = "none";
    public const int WhyLimit = CodingQueries.NoteLimit;

    public Statement Statement { get; private set; } = null!;
    public int? Version { get; private set; }
    public CodingOutcome Outcome { get; private set; } = null!;
    public List<Reason> Reasons { get; private set; } = [];
    public List<Reason> InPlay { get; private set; } = [];
    public List<Coder> Coders { get; private set; } = [];
    public ILookup<int, Coding> ByCoder { get; private set; } = null!;
    public List<string> Published { get; private set; } = [];
    public string OpenedAt { get; private set; } = "";
    public HashSet<string> Chosen { get; private set; } = [];
    public bool NoneApplies { get; private set; }
    public string? Why { get; private set; }
    public List<string> Problems { get; } = [];
    public string? Refusal { get; private set; }
    public bool Saved { get; private set; }

    /// <summary>Only a statement its coders disagree on, or one already decided, is decided on.</summary>
    public bool Decidable => Outcome.State is CodingState.AwaitingDecision or CodingState.Decided;

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Saved = saved;
        Chosen = [.. Published];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var form = Request.Form;
        var posted = form["reasons"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
        Chosen = [.. posted];
        NoneApplies = form[NoneField].Any(v => v == "yes");
        Why = form["why"].FirstOrDefault()?.Trim();
        if (Version is not { } version || !Decidable)
        {
            Refusal = Version is null ? "There is no codebook version yet; nothing was saved."
                : "The coders of this statement do not disagree (or fewer than two coded it), so there is nothing to decide; " +
                  "nothing was saved.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var known = Reasons.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in posted.Where(slug => !known.Contains(slug)))
            Problems.Add($"“{DetailsModel.Shorten(unknown, 60)}” is not a reason of codebook version {version}; " +
                "choose among those listed.");
        if (posted.Count == 0 && !NoneApplies)
            Problems.Add("Nothing was chosen: tick the reasons to publish, or “None of these reasons applies”.");
        if (posted.Count > 0 && NoneApplies)
            Problems.Add("“None of these reasons applies” was ticked together with reasons; untick one or the other.");
        if (string.IsNullOrWhiteSpace(Why)) Problems.Add("Say why you decided so: the reason for the decision is required.");
        else if (Why.Length > WhyLimit)
            Problems.Add($"The reason for the decision is {Why.Length:N0} characters long; the limit is {WhyLimit:N0}.");
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var slugs = Reasons.Where(r => Chosen.Contains(r.Slug)).Select(r => r.Slug).ToList();
        var refusal = await writer.DecideAsync(Statement.Id, User.Identity!.Name!, version, slugs, Why!,
            form[OpenedAtField].FirstOrDefault() ?? "", cancellationToken);
        if (refusal is not null)
        {
            await LoadAsync(id, cancellationToken);
            Refusal = refusal.Message;
            Response.StatusCode = refusal.Status;
            return Page();
        }
        logger.LogInformation("{By} decided on {Statement}", User.Identity!.Name, Statement.PublicId);
        return Redirect($"/admin/coding/{Uri.EscapeDataString(Statement.PublicId)}/decide?saved=true");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Reasons).Include(s => s.Source).Include(s => s.Speaker)
            .FirstOrDefaultAsync(s => s.PublicId == id, cancellationToken);
        if (statement is null) return false;
        Statement = statement;
        Version = await db.CurrentCodebook.Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken);
        Reasons = CodingQueries.InCodebookOrder(await db.Reasons.AsNoTracking().ToListAsync(cancellationToken));
        var codings = await db.Codings.AsNoTracking().Include(c => c.Coder)
            .Where(c => c.StatementId == statement.Id && c.ReplacedAt == null).ToListAsync(cancellationToken);
        Coders = codings.Select(c => c.Coder).DistinctBy(c => c.Id).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        ByCoder = codings.ToLookup(c => c.CoderId);
        var inPlay = codings.Where(c => c.ReasonId is not null).Select(c => c.ReasonId!.Value).ToHashSet();
        InPlay = Reasons.Where(r => inPlay.Contains(r.Id)).ToList();
        Outcome = await PublishedReasons.OfAsync(db, statement.Id, cancellationToken);
        Published = statement.Reasons.Select(r => r.Slug).ToList();
        OpenedAt = await CodingQueries.DecisionStateAsync(db, statement.Id, cancellationToken);
        return true;
    }
}
