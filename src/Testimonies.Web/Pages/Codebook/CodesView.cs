namespace Testimonies.Web.Pages.Codebook;

/// <summary>What the codes partial (_Codes) shows: a version's codes, and for the current one their examples.</summary>
public sealed record CodesView(CodebookEdition Edition, Dictionary<string, List<CodebookEditions.Example>>? Examples);
