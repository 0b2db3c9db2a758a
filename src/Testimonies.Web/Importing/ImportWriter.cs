using Microsoft.EntityFrameworkCore.Storage;

namespace Testimonies.Web.Importing;

/// <summary>
/// The import's transaction while it holds <see cref="ImportGate"/> and the database's writer lock. Disposing it rolls
/// back what was not committed and lets the next import in.
/// </summary>
public sealed class ImportWriter(ImportGate gate, ArchiveDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
{
    public IDbContextTransaction Transaction => transaction;

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            if (!db.IsPostgres) await db.Database.CloseConnectionAsync(); // opened by ImportGate to set its wait
        }
        finally
        {
            gate.Exit();
        }
    }
}
