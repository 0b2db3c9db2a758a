namespace Testimonies.Web.Pages.Codebook;

/// <summary>What one codebook version changes against another: codes added, removed, and the changed fields of the others.</summary>
public sealed record CodebookComparison(List<CodebookCode> Added, List<CodebookCode> Removed, List<CodebookComparison.ChangedCode> Changed)
{
    /// <summary>A field of a code, before and after; Text says whether a word-level difference means anything for it.</summary>
    public sealed record FieldChange(string Field, string Before, string After, bool Text);

    public sealed record ChangedCode(CodebookCode Before, CodebookCode After, List<FieldChange> Fields);

    public bool Same => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static CodebookComparison Of(IReadOnlyList<CodebookCode> from, IReadOnlyList<CodebookCode> to)
    {
        var before = from.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var after = to.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var changed = new List<ChangedCode>();
        foreach (var code in Ordered(to).Where(c => before.ContainsKey(c.Slug)))
        {
            var old = before[code.Slug];
            var fields = new List<FieldChange>();
            void Check(string field, string? was, string? now, bool text)
            {
                if (!string.Equals(was ?? "", now ?? "", StringComparison.Ordinal))
                    fields.Add(new FieldChange(field, was ?? "", now ?? "", text));
            }
            Check("Name", old.Name, code.Name, true);
            Check("Theme", CodebookEdition.ThemeName(old.Theme), CodebookEdition.ThemeName(code.Theme), false);
            Check("Definition", old.Definition, code.Definition, true);
            Check("Boundary", old.Boundary, code.Boundary, true);
            Check("Position", old.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                code.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), false);
            if (fields.Count > 0) changed.Add(new ChangedCode(old, code, fields));
        }
        return new CodebookComparison(
            Ordered(to).Where(c => !before.ContainsKey(c.Slug)).ToList(),
            Ordered(from).Where(c => !after.ContainsKey(c.Slug)).ToList(),
            changed);
    }

    private static IEnumerable<CodebookCode> Ordered(IEnumerable<CodebookCode> codes) =>
        codes.OrderBy(c => c.Position).ThenBy(c => c.Slug, StringComparer.Ordinal);
}
