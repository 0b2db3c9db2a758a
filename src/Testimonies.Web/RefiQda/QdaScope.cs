namespace Testimonies.Web.RefiQda;

/// <summary>
/// What a REFI-QDA project holds: every published statement (<see cref="StatementIds"/> null) or those of one result, with the
/// project's name and the sentences that say what it is.
/// </summary>
public sealed record QdaScope(string Name, string About, IReadOnlySet<int>? StatementIds)
{
    public bool Holds(int statementId) => StatementIds is null || StatementIds.Contains(statementId);
}
