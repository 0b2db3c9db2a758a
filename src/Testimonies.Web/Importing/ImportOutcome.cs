namespace Testimonies.Web.Importing;

/// <summary>
/// Everything an import did or, as a preview, would do: counts by table, and each statement and other row created or changed.
/// </summary>
public sealed record ImportOutcome(IReadOnlyList<TableChanges> Tables, IReadOnlyList<StatementChange> Statements,
    IReadOnlyList<RowChange> Rows)
{
    public string Summary => string.Join("; ", Tables.Where(t => t.Created + t.Updated + t.Unchanged > 0)
        .Select(t => $"{t.Table}: {t.Created} created, {t.Updated} updated, {t.Unchanged} unchanged"));

    public bool ChangesNothing => Tables.All(t => t.Created == 0 && t.Updated == 0);
}
