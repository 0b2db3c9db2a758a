using System.Data.Common;
namespace Testimonies.Web.Archive;

/// <summary>
/// The few statements the archive writes in SQL (full-text search, the search catalog, the import's bulk
/// inserts) go through here: commands on the context's connection with named parameters, so no value
/// typed by anyone is inlined. Both engines read @name parameters.
/// </summary>
public static class SqlCommands
{
    /// <summary>The context's connection, opened (EF keeps it open until the context is disposed).</summary>
    public static async Task<DbConnection> OpenAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    /// <summary>A command on the connection (in the context's transaction, if any) with named parameters.</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            if (value is not null) parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>A command run once a row with new values (bulk inserts): its parameters are named now and set per row.</summary>
    public static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = Create(connection, transaction, sql, [.. parameters.Select(name => (name, (object?)null))]);
        // SQLite compiles the statement once for all rows; Npgsql cannot prepare before it knows the parameters' types.
        if (connection is Microsoft.Data.Sqlite.SqliteConnection) command.Prepare();
        return command;
    }

    /// <summary>Runs SQL built only from the engines' constants and integer ids: no user text ever reaches it.</summary>
    public static Task<int> ExecuteAsync(ArchiveDbContext db, string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, cancellationToken);

    /// <summary>The count a prepared command gives (both engines read it as a 64-bit integer).</summary>
    public static async Task<long> CountAsync(DbCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The one integer a query of the engines' constants gives (a count).</summary>
    public static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, null, sql);
        return await CountAsync(command, cancellationToken);
    }

    /// <summary>The two integers of a one-row query of the engines' constants.</summary>
    public static async Task<(long, long)> PairAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// How many ids a query of the engines' constants gives, and the first <paramref name="limit"/> of them in order: one run of
    /// the query (it can be a full comparison), the ids counted as they are read.
    /// </summary>
    public static async Task<(long Count, List<int> Ids)> CountAndFirstAsync(DbConnection connection, string idsSql, int limit,
        CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        long count = 0;
        await using var command = Create(connection, null, $"SELECT * FROM ({idsSql}) AS found ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (count++ < limit) ids.Add(reader.GetInt32(0));
        return (count, ids);
    }
}
