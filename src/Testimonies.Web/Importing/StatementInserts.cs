using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Testimonies.Web.Importing;

/// <summary>
/// New statements, their reasons and their first revision written without EF's change tracking (it made a 100,000-row import
/// take minutes): on SQLite one prepared command a row on the import's transaction; on PostgreSQL binary COPY, three streams
/// instead of a round trip a row. One table of columns serves both.
/// </summary>
public static class StatementInserts
{
    /// <summary>What a new statement's row holds: its values, in the order of <see cref="Columns"/>.</summary>
    public sealed record NewStatement(StatementRow Row, TextAnchoring.Placed? Placed, int SpeakerId, int SourceId);

    /// <summary>New statements from which an import on PostgreSQL analyzes the tables it wrote before it reads them again.</summary>
    public const int AnalyzeFrom = 1000;

    private sealed record Column(string Name, NpgsqlDbType Type, Func<NewStatement, object?> Value);

    private static readonly Column[] Columns =
    [
        new("PublicId", NpgsqlDbType.Varchar, s => s.Row.PublicId),
        new("Text", NpgsqlDbType.Text, s => s.Row.Text),
        new("Kind", NpgsqlDbType.Varchar, s => s.Row.Kind.ToString()),
        new("Language", NpgsqlDbType.Varchar, s => s.Row.Language),
        new("SpeakerId", NpgsqlDbType.Integer, s => s.SpeakerId),
        new("SourceId", NpgsqlDbType.Integer, s => s.SourceId),
        new("Position", NpgsqlDbType.Integer, s => s.Row.Position),
        new("Section", NpgsqlDbType.Text, s => s.Row.Section),
        new("Footnote", NpgsqlDbType.Text, s => s.Row.Footnote),
        new("SaidWhen", NpgsqlDbType.Text, s => s.Row.SaidWhen),
        new("Context", NpgsqlDbType.Text, s => s.Row.Context),
        new("ContentNote", NpgsqlDbType.Text, s => s.Row.ContentNote),
        new("Status", NpgsqlDbType.Varchar, s => s.Row.Status.ToString()),
        new("TextVersion", NpgsqlDbType.Integer, s => s.Placed?.TextVersion),
        new("AnchorStart", NpgsqlDbType.Integer, s => s.Placed?.Anchor.Start),
        new("AnchorEnd", NpgsqlDbType.Integer, s => s.Placed?.Anchor.End),
        new("AnchorPrefix", NpgsqlDbType.Text, s => s.Placed?.Anchor.Prefix),
        new("AnchorSuffix", NpgsqlDbType.Text, s => s.Placed?.Anchor.Suffix),
        new("Provenance", NpgsqlDbType.Varchar, s => s.Row.Provenance.ToString()),
        new("ProvenanceWords", NpgsqlDbType.Text, s => s.Row.ProvenanceWords),
        new("SpokenLanguage", NpgsqlDbType.Varchar, s => s.Row.SpokenLanguage),
        new("Translated", NpgsqlDbType.Boolean, s => s.Row.Translated),
    ];

    private static string ColumnList(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    /// <summary>Inserts the statements with their reasons (ids from <paramref name="reasonsOf"/>); their ids, in order.</summary>
    public static async Task<List<int>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewStatement> rows,
        Func<StatementRow, IEnumerable<int>> reasonsOf, ImportActor actor, CancellationToken cancellationToken) =>
        connection is NpgsqlConnection postgres
            ? await CopyAsync(postgres, rows, reasonsOf, actor, cancellationToken)
            : await InsertEachAsync(connection, transaction, rows, reasonsOf, actor, cancellationToken);

    private static async Task<List<int>> InsertEachAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<NewStatement> rows, Func<StatementRow, IEnumerable<int>> reasonsOf, ImportActor actor,
        CancellationToken cancellationToken)
    {
        var parameters = Columns.Select((_, i) => $"@p{i}").ToArray();
        await using var insertStatement = SqlCommands.Prepare(connection, transaction,
            $"""
            INSERT INTO "Statements" ({ColumnList(Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", parameters)}) RETURNING "Id";
            """, parameters);
        await using var insertReason = SqlCommands.Prepare(connection, transaction,
            """INSERT INTO "StatementReasons" ("ReasonsId", "StatementsId") VALUES (@reason, @statement);""", "@reason", "@statement");
        await using var insertRevision = SqlCommands.Prepare(connection, transaction,
            """INSERT INTO "Revisions" ("StatementId", "At", "By", "Changes", "Origin") """ +
            """VALUES (@statement, @at, @by, 'created', @origin);""",
            "@statement", "@at", "@by", "@origin");
        insertRevision.Parameters["@at"].Value = At(actor);
        insertRevision.Parameters["@by"].Value = actor.By;
        insertRevision.Parameters["@origin"].Value = actor.Origin;

        var ids = new List<int>(rows.Count);
        foreach (var statement in rows)
        {
            for (var i = 0; i < Columns.Length; i++) insertStatement.Parameters[i].Value = Columns[i].Value(statement) ?? DBNull.Value;
            var id = Convert.ToInt32(await insertStatement.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            ids.Add(id);
            insertReason.Parameters["@statement"].Value = id;
            foreach (var reason in reasonsOf(statement.Row))
            {
                insertReason.Parameters["@reason"].Value = reason;
                await insertReason.ExecuteNonQueryAsync(cancellationToken);
            }
            insertRevision.Parameters["@statement"].Value = id;
            await insertRevision.ExecuteNonQueryAsync(cancellationToken);
        }
        return ids;
    }

    /// <summary>
    /// Ids drawn from the table's own sequence in one query, then the rows, their reasons and revisions in three binary
    /// COPY streams on the import's transaction (COPY cannot return the ids it assigns, so they are given).
    /// </summary>
    private static async Task<List<int>> CopyAsync(NpgsqlConnection connection, IReadOnlyList<NewStatement> rows,
        Func<StatementRow, IEnumerable<int>> reasonsOf, ImportActor actor, CancellationToken cancellationToken)
    {
        var ids = new List<int>(rows.Count);
        await using (var draw = new NpgsqlCommand(
            """SELECT nextval(pg_get_serial_sequence('"Statements"', 'Id'))::integer FROM generate_series(1, @count);""", connection))
        {
            draw.Parameters.AddWithValue("count", rows.Count);
            await using var reader = await draw.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt32(0));
        }

        await using (var statements = await connection.BeginBinaryImportAsync(
            $"""COPY "Statements" ("Id", {ColumnList(Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                await statements.StartRowAsync(cancellationToken);
                await statements.WriteAsync(ids[i], NpgsqlDbType.Integer, cancellationToken);
                foreach (var column in Columns)
                {
                    if (column.Value(rows[i]) is { } value) await statements.WriteAsync(value, column.Type, cancellationToken);
                    else await statements.WriteNullAsync(cancellationToken);
                }
            }
            await statements.CompleteAsync(cancellationToken);
        }

        await using (var links = await connection.BeginBinaryImportAsync(
            """COPY "StatementReasons" ("ReasonsId", "StatementsId") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
                foreach (var reason in reasonsOf(rows[i].Row))
                {
                    await links.StartRowAsync(cancellationToken);
                    await links.WriteAsync(reason, NpgsqlDbType.Integer, cancellationToken);
                    await links.WriteAsync(ids[i], NpgsqlDbType.Integer, cancellationToken);
                }
            await links.CompleteAsync(cancellationToken);
        }

        await using (var revisions = await connection.BeginBinaryImportAsync(
            """COPY "Revisions" ("StatementId", "At", "By", "Changes", "Origin") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            var at = At(actor);
            foreach (var id in ids)
            {
                await revisions.StartRowAsync(cancellationToken);
                await revisions.WriteAsync(id, NpgsqlDbType.Integer, cancellationToken);
                await revisions.WriteAsync(at, NpgsqlDbType.Text, cancellationToken);
                await revisions.WriteAsync(actor.By, NpgsqlDbType.Text, cancellationToken);
                await revisions.WriteAsync("created", NpgsqlDbType.Text, cancellationToken);
                await revisions.WriteAsync(actor.Origin, NpgsqlDbType.Text, cancellationToken);
            }
            await revisions.CompleteAsync(cancellationToken);
        }
        return ids;
    }

    /// <summary>The moment as the store keeps it (ArchiveDbContext's MomentAsText).</summary>
    private static string At(ImportActor actor) => actor.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
