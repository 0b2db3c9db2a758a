namespace Testimonies.Web.Importing;

/// <summary>Everything an import did or, as a preview, would do.</summary>
public sealed record ImportOutcome(IReadOnlyList<TableChanges> Tables, IReadOnlyList<StatementChange> Statements)
{
    public string Summary => string.Join("; ", Tables.Where(t => t.Created + t.Updated + t.Unchanged > 0)
        .Select(t => $"{t.Table}: {t.Created} created, {t.Updated} updated, {t.Unchanged} unchanged"));

    public bool ChangesNothing => Tables.All(t => t.Created == 0 && t.Updated == 0);
}
