using Microsoft.Data.Sqlite;
using Testimonies.Web.Search;

namespace Testimonies.Web.Operations;

/// <summary>
/// The operator's commands: <c>backup &lt;file&gt;</c> (a consistent copy of a SQLite archive while the site serves) and
/// <c>verify</c> (<see cref="ArchiveVerification"/>). Exit codes as the other commands: 0 done, 1 refused or problems found,
/// 2 wrong usage.
/// </summary>
public static class OperatorCommands
{
    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1 || args[0].StartsWith('-'))
        {
            await error.WriteLineAsync("Usage: backup <file>   (a new file; an existing one is never overwritten)");
            return 2;
        }
        var db = services.GetRequiredService<ArchiveDbContext>();
        if (await SqlCommands.OpenAsync(db, CancellationToken.None) is not SqliteConnection connection)
        {
            await error.WriteLineAsync("backup copies a SQLite archive. On PostgreSQL use pg_dump (docs/deployment.md, “Backups”).");
            return 1;
        }
        var target = Path.GetFullPath(args[0]);
        if (File.Exists(target) || Directory.Exists(target))
        {
            await error.WriteLineAsync($"{target} already exists; a backup never overwrites a file. Name a new one.");
            return 1;
        }
        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"The folder {folder} does not exist; nothing was written.");
            return 1;
        }
        // VACUUM INTO reads one snapshot (WAL): the copy is consistent while the site serves and imports go on, and it
        // takes no write lock, so neither waits for it.
        try
        {
            await using var command = SqlCommands.Create(connection, null, "VACUUM INTO @target;", ("@target", target));
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException exception)
        {
            File.Delete(target);
            await error.WriteLineAsync($"The backup could not be written to {target}: {exception.SqliteErrorCode switch
            {
                13 => "the disk is full",
                14 => "the file cannot be created there",
                _ => "SQLite error " + exception.SqliteErrorCode,
            }}. Nothing was kept.");
            return 1;
        }
        var (statements, integrity) = await CheckCopyAsync(target);
        if (integrity != "ok")
        {
            File.Delete(target);
            await error.WriteLineAsync($"The copy failed its integrity check ({integrity}); it was deleted.");
            return 1;
        }
        await output.WriteLineAsync($"Backed up the archive to {target}: {statements} statements, " +
            $"{new FileInfo(target).Length / 1024} KiB, integrity ok. Restore by serving it (ConnectionStrings:Testimonies).");
        return 0;
    }

    /// <summary>The copy opened read-only on its own: its statements and SQLite's verdict on it.</summary>
    private static async Task<(long Statements, string Integrity)> CheckCopyAsync(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var copy = new SqliteConnection(builder.ToString());
        await copy.OpenAsync();
        await using var check = SqlCommands.Create(copy, null, "PRAGMA integrity_check;");
        var integrity = (string?)await check.ExecuteScalarAsync() ?? "no answer";
        return (await SqlCommands.ScalarAsync(copy, "SELECT count(*) FROM Statements;", CancellationToken.None), integrity);
    }

    public static async Task<int> VerifyAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 0)
        {
            await error.WriteLineAsync("Usage: verify   (no options: it checks everything and changes nothing)");
            return 2;
        }
        var verification = new ArchiveVerification(services.GetRequiredService<ArchiveDbContext>(),
            services.GetRequiredService<SearchIndex>(), output);
        await verification.RunAsync(CancellationToken.None);
        return verification.Problems == 0 ? 0 : 1;
    }
}
