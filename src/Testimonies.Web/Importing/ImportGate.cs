using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Testimonies.Web.Importing;

/// <summary>
/// One import (or preview) at a time, decided by the database so that it holds across processes and instances:
/// the write transaction begins holding the writer lock (PostgreSQL: an advisory lock of the transaction; SQLite:
/// BEGIN IMMEDIATE, the file's one write lock) or is refused as busy after a short wait, never with a lock error.
/// A semaphore in front of it answers a second import in this process at once, without a connection.
/// </summary>
public sealed class ImportGate : IDisposable
{
    public const string BusyMessage = "Another import is being previewed or applied right now. " +
        "Wait a moment, then try again; nothing was written.";

    /// <summary>How long a writer waits for another's lock on SQLite before it is told that another import is running.</summary>
    public static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(3);

    /// <summary>PostgreSQL's advisory lock of the import transaction: a number of the app's own (the start-up lock is another).</summary>
    public const long WriterLock = 20161126;

    /// <summary>How long one statement of an import may run on PostgreSQL (SQLite's timeout only bounds waiting for a lock).</summary>
    public static readonly TimeSpan WriterCommandTimeout = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _writer = new(1, 1);

    public bool TryEnter() => _writer.Wait(TimeSpan.Zero);

    public void Exit() => _writer.Release();

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// Enters the gate and begins the import's transaction holding the database's writer lock, or null when another
    /// import (in this process or any other on the same database) holds either.
    /// </summary>
    public async Task<ImportWriter?> BeginAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (!TryEnter()) return null;
        try
        {
            if (await BeginLockedAsync(db, cancellationToken) is { } transaction) return new ImportWriter(this, db, transaction);
            Exit();
            return null;
        }
        catch
        {
            Exit();
            throw;
        }
    }

    /// <summary>
    /// For a small writer (a coding form's save): waits for the gate and the lock up to <see cref="WriterWait"/>, since another
    /// small save ends within moments; null only when a writer holds them longer (an import being applied).
    /// </summary>
    public async Task<ImportWriter?> BeginWaitingAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + WriterWait;
        if (!await _writer.WaitAsync(WriterWait, cancellationToken)) return null;
        try
        {
            // SQLite waits for the file's lock itself; PostgreSQL's advisory lock is tried, so it is tried again until the deadline.
            while (true)
            {
                if (await BeginLockedAsync(db, cancellationToken) is { } transaction) return new ImportWriter(this, db, transaction);
                if (!db.IsPostgres || DateTime.UtcNow >= deadline) break;
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
            Exit();
            return null;
        }
        catch
        {
            Exit();
            throw;
        }
    }

    /// <summary>A transaction holding the database's writer lock, or null when another writer holds it.</summary>
    public static async Task<IDbContextTransaction?> BeginLockedAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            // Tried, not waited for: the one that comes second is told at once (readers are never blocked, MVCC).
            // An import's statements (the full-text rebuild of 200,000 rows) outlast Npgsql's 30 s on a busy server; limits bound them.
            db.Database.SetCommandTimeout(WriterCommandTimeout);
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var server = db.Database.GetDbConnection();
            await using var tryLock = SqlCommands.Create(server, transaction.GetDbTransaction(),
                $"SELECT pg_try_advisory_xact_lock({WriterLock});");
            // A writer outside the gate (one that only bumped the version) holds the state row: waited for briefly, too.
            await using var lockState = SqlCommands.Create(server, transaction.GetDbTransaction(),
                $"SET LOCAL lock_timeout = '{(int)WriterWait.TotalMilliseconds}ms'; "
                + """SELECT "Version" FROM "ArchiveState" WHERE "Id" = 1 FOR UPDATE; SET LOCAL lock_timeout = DEFAULT;""");
            try
            {
                if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
                {
                    await lockState.ExecuteNonQueryAsync(cancellationToken);
                    return transaction;
                }
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
            {
                // the other writer's, until its transaction ends
            }
            await transaction.DisposeAsync();
            return null;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var usual = connection.DefaultTimeout;
        // BEGIN IMMEDIATE (what Microsoft.Data.Sqlite begins) retries a locked file for the connection's timeout.
        connection.DefaultTimeout = (int)WriterWait.TotalSeconds;
        try
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }
        finally
        {
            connection.DefaultTimeout = usual;
        }
    }
}
