namespace Testimonies.Web.Archive;

/// <summary>
/// The names of an enumeration's values as the archive writes them: the slug that data files, URLs and the
/// API use ("foreign-fighter"), and the label readers see ("Foreign fighter"). One table per enumeration
/// (<see cref="Names"/>), so that no page, export or import spells a value its own way.
/// </summary>
public sealed class NameTable<T> where T : struct, Enum
{
    private readonly Dictionary<T, (string Slug, string Label)> _byValue;
    private readonly T[] _values;

    public NameTable(params (T Value, string Slug, string Label)[] names)
    {
        _byValue = names.ToDictionary(n => n.Value, n => (n.Slug, n.Label));
        if (_byValue.Count != Enum.GetValues<T>().Length)
            throw new ArgumentException($"Every value of {typeof(T).Name} needs a name.", nameof(names));
        _values = [.. names.Select(n => n.Value)];
        BySlug = names.ToDictionary(n => n.Slug, n => n.Value, StringComparer.Ordinal);
    }

    /// <summary>The values in the order readers see them.</summary>
    public IReadOnlyList<T> Values => _values;

    /// <summary>Each value by its slug, as data files and URLs spell it.</summary>
    public IReadOnlyDictionary<string, T> BySlug { get; }

    public IEnumerable<string> Slugs => Values.Select(Slug);

    public string Slug(T value) => _byValue[value].Slug;

    /// <summary>The value's place in <see cref="Values"/>.</summary>
    public int IndexOf(T value) => Array.IndexOf(_values, value);

    public string Label(T value) => _byValue[value].Label;
}
