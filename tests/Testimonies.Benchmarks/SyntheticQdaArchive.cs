using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Testimonies.Web.Archive;

namespace Testimonies.Benchmarks;

/// <summary>
/// A synthetic archive for the REFI-QDA export benchmark (QdaBenchmark.cs): sources with synthetic texts (astral-plane
/// characters included, so code points and UTF-16 units differ), statements anchored in them, synthetic speakers, reasons and
/// three synthetic coders' codings, written straight into an empty store (rows, not the import path: the benchmark times the
/// export). Everything is labelled synthetic and nothing is ever written to data/. The codings come from SyntheticCodings.cs,
/// the agreement benchmark's generator.
/// </summary>
public static class SyntheticQdaArchive
{
    public const int Sources = 20;
    public const int Speakers = 1_000;
    public const int Reasons = 12;
    public const int Coders = 3;

    /// <summary>Fills an empty, migrated SQLite store; returns the number of codings written.</summary>
    public static async Task<int> FillAsync(ArchiveDbContext db, int statements, int seed = 20261201)
    {
        var random = new Random(seed);
        var themes = Names.Themes.Values;
        for (var r = 1; r <= Reasons; r++)
        {
            db.Reasons.Add(new Reason
            {
                Slug = $"synthetic-reason-{r}", Name = $"Synthetic reason {r}", Definition = $"Synthetic definition {r}.",
                Boundary = r % 2 == 0 ? $"Synthetic boundary {r}." : null, Theme = themes[r % themes.Count], Position = r,
            });
        }
        for (var c = 0; c < Coders; c++)
            db.Coders.Add(new Coder { Key = SyntheticCodings.CoderKey(c), Label = SyntheticCodings.CoderLabel(c) });
        string[] nationalities = ["Mockese", "Fictonian", "Placeholderish"];
        for (var s = 1; s <= Speakers; s++)
        {
            db.Speakers.Add(new Speaker
            {
                Key = $"synthetic-speaker-{s}", Description = $"synthetic speaker {s}",
                Nationality = s % 4 == 0 ? null : nationalities[s % nationalities.Length], Role = (SpeakerRole)(s % 3),
            });
        }
        await db.SaveChangesAsync();
        var reasonIds = await db.Reasons.OrderBy(r => r.Position).Select(r => r.Id).ToListAsync();
        var coderIds = await db.Coders.OrderBy(c => c.Key).Select(c => c.Id).ToListAsync();
        var speakerIds = await db.Speakers.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();

        // Each source's text: a synthetic sentence before each statement's words, the words found back by code point.
        var perSource = (statements + Sources - 1) / Sources;
        var anchors = new List<(int Source, int Position, string Words, int Start, int End)>(statements);
        for (var source = 1; source <= Sources; source++)
        {
            var text = new StringBuilder($"Synthetic Source {source} 𝕬 — a generated text, not a real publication.\n");
            var codePoints = text.ToString().EnumerateRunes().Count();
            for (var position = 1; position <= perSource && anchors.Count < statements; position++)
            {
                var filler = $"Synthetic filler {position} 😀 before. ";
                var words = $"Synthetic statement {anchors.Count + 1}: words of {random.Next(1000)} 𝒳 said.";
                codePoints += filler.EnumerateRunes().Count();
                var length = words.EnumerateRunes().Count();
                anchors.Add((source, position, words, codePoints, codePoints + length));
                codePoints += length + 1;
                text.Append(filler).Append(words).Append('\n');
            }
            var content = text.ToString();
            var row = new Source
            {
                Key = $"synthetic-source-{source}", Title = $"Synthetic Source {source}", Publisher = "Synthetic Publisher",
                Published = PartialDate.Parse("2020"), Notes = "Generated for the benchmark; not a real publication.",
            };
            row.Texts.Add(new SourceText
            {
                Version = 1, Text = content, Sha256 = SourceText.HashOf(content), StoredAt = DateTimeOffset.UtcNow,
            });
            db.Sources.Add(row);
        }
        await db.SaveChangesAsync();
        var sourceIds = await db.Sources.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();

        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Statements" ("PublicId", "Text", "Kind", "Language", "SpeakerId", "SourceId", "Position", "Status",
              "TextVersion", "AnchorStart", "AnchorEnd", "Provenance")
            VALUES ($id, $text, 'Quotation', 'en', $speaker, $source, $position, 'Published', 1, $start, $end, 'NotStated');
            """;
        string[] names = ["$id", "$text", "$speaker", "$source", "$position", "$start", "$end"];
        foreach (var name in names) insert.Parameters.Add(new SqliteParameter(name, null));
        var i = 0;
        foreach (var (source, position, words, start, end) in anchors)
        {
            i++;
            insert.Parameters["$id"].Value = $"synthetic-{i}";
            insert.Parameters["$text"].Value = words;
            insert.Parameters["$speaker"].Value = speakerIds[random.Next(speakerIds.Count)];
            insert.Parameters["$source"].Value = sourceIds[source - 1];
            insert.Parameters["$position"].Value = position;
            insert.Parameters["$start"].Value = start;
            insert.Parameters["$end"].Value = end;
            await insert.ExecuteNonQueryAsync();
        }

        // Three coders code every statement, as the agreement benchmark's do (SyntheticCodings): an empty list is "none applies".
        var code = connection.CreateCommand();
        code.Transaction = transaction;
        code.CommandText = """
            INSERT INTO "Codings" ("StatementId", "CoderId", "ReasonId", "CodebookVersion", "CodedAt", "Origin")
            SELECT "Id", $coder, $reason, 1, $at, 'synthetic' FROM "Statements" WHERE "PublicId" = $id;
            """;
        foreach (var name in new[] { "$coder", "$reason", "$at", "$id" }) code.Parameters.Add(new SqliteParameter(name, null));
        var codings = 0;
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var generated = SyntheticCodings.Generate(anchors.Count, coderIds.Count, reasonIds.Count, seed: seed);
        for (var s = 1; s <= anchors.Count; s++)
        {
            for (var c = 0; c < coderIds.Count; c++)
            {
                var given = generated[c][s - 1];
                foreach (var reason in given.Length == 0 ? [(int?)null] : given.Select(r => (int?)reasonIds[r]))
                {
                    code.Parameters["$coder"].Value = coderIds[c];
                    code.Parameters["$reason"].Value = (object?)reason ?? DBNull.Value;
                    code.Parameters["$at"].Value = at.AddMinutes(s).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                    code.Parameters["$id"].Value = $"synthetic-{s}";
                    await code.ExecuteNonQueryAsync();
                    codings++;
                }
            }
        }
        await transaction.CommitAsync();
        return codings;
    }
}
