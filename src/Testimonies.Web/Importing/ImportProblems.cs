using System.Collections;
using System.Text;

namespace Testimonies.Web.Importing;

/// <summary>
/// The problems of one import, bounded: the first <see cref="MaxListed"/> are kept to be listed, the rest only counted by kind,
/// so that a file of a million bad records makes a short page and little memory.
/// </summary>
public sealed class ImportProblems : IReadOnlyList<ImportProblem>
{
    public const int MaxListed = 200;

    private readonly List<ImportProblem> _listed = [];
    private readonly Dictionary<string, int> _moreByKind = new(StringComparer.Ordinal);

    /// <summary>Every problem found, listed or not.</summary>
    public int Total { get; private set; }

    public int Count => _listed.Count;
    public ImportProblem this[int index] => _listed[index];

    public void Add(ImportProblem problem)
    {
        Total++;
        if (_listed.Count < MaxListed) _listed.Add(problem);
        else
        {
            var kind = KindOf(problem);
            _moreByKind[kind] = _moreByKind.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>The problems left out of the list, most frequent kind first.</summary>
    public IReadOnlyList<(string Kind, int Count)> More =>
        _moreByKind.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value)).ToList();

    /// <summary>"and 999,800 more: 999,800 × “id”: is not a valid identifier; …", or null when every problem is listed.</summary>
    public string? MoreSummary => Total == Count ? null
        : $"and {Total - Count:N0} more: " + string.Join("; ", More.Select(k => $"{k.Count:N0} × {k.Kind}")) + ".";

    /// <summary>The problems as one list, bounded in the same way, whatever list they came in.</summary>
    public static ImportProblems From(IEnumerable<ImportProblem> problems)
    {
        if (problems is ImportProblems bounded) return bounded;
        var list = new ImportProblems();
        foreach (var problem in problems) list.Add(problem);
        return list;
    }

    /// <summary>The column and the message without its quoted values and numbers, up to its first clause: what problems share.</summary>
    public static string KindOf(ImportProblem problem)
    {
        var kind = new StringBuilder();
        var quoted = false;
        foreach (var c in problem.Message)
        {
            if (c == '“') quoted = true;
            else if (c == '”') quoted = false;
            else if (!quoted && (c is ';' or ':' or '(' || (c == '.' && kind.Length > 0))) break;
            else if (!quoted && !char.IsDigit(c)) kind.Append(c);
        }
        var text = string.Join(' ', kind.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return problem.Field is null ? text : $"“{problem.Field}”: {text}";
    }

    public IEnumerator<ImportProblem> GetEnumerator() => _listed.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
