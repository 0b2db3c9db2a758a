using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations.Postgres
{
    /// <summary>
    /// PostgreSQL's full-text index (see Search/PostgresFullText.cs): for each published statement a
    /// stemmed and an as-written tsvector, weighted by field (text A, context B, speaker C, reasons D),
    /// each under a GIN index. Both configurations fold accents (unaccent) and, like SQLite's FTS5
    /// tables, drop no stop words, so "the" and "not" can be searched. Written out in full so that this
    /// migration does not change when the application code does.
    /// </summary>
    public partial class FullTextSearch : Migration
    {
        private const string Tokens = "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart";

        private static string Vector(string configuration, bool weighted)
        {
            string Field(string sql, char weight) => weighted
                ? $"setweight(to_tsvector('{configuration}', {sql}), '{weight}')"
                : $"to_tsvector('{configuration}', {sql})";
            return string.Join(" || ",
                Field("s.\"Text\"", 'A'),
                Field("coalesce(s.\"Context\", '')", 'B'),
                Field("concat_ws(' ', sp.\"Name\", sp.\"Description\", sp.\"Nationality\")", 'C'),
                Field("""coalesce((SELECT string_agg(r."Name", '; ') FROM "StatementReasons" sr JOIN "Reasons" r ON r."Id" = sr."ReasonsId" WHERE sr."StatementsId" = s."Id"), '')""", 'D'));
        }

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH DICTIONARY testimonies_english_stem (TEMPLATE = snowball, Language = english);");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION testimonies_stemmed (COPY = english);");
            migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION testimonies_stemmed ALTER MAPPING FOR {Tokens} WITH unaccent, testimonies_english_stem;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION testimonies_exact (COPY = simple);");
            migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION testimonies_exact ALTER MAPPING FOR {Tokens} WITH unaccent, simple;");
            migrationBuilder.Sql("""
                CREATE TABLE "StatementSearch" (
                    "StatementId" integer PRIMARY KEY REFERENCES "Statements" ("Id") ON DELETE CASCADE,
                    "Stemmed" tsvector NOT NULL,
                    "Exact" tsvector NOT NULL);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_StatementSearch_Stemmed" ON "StatementSearch" USING GIN ("Stemmed");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_StatementSearch_Exact" ON "StatementSearch" USING GIN ("Exact");""");
            migrationBuilder.Sql($"""
                INSERT INTO "StatementSearch" ("StatementId", "Stemmed", "Exact")
                SELECT s."Id", {Vector("testimonies_stemmed", weighted: true)}, {Vector("testimonies_exact", weighted: false)}
                FROM "Statements" s JOIN "Speakers" sp ON sp."Id" = s."SpeakerId"
                WHERE s."Status" = 'Published';
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "StatementSearch";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION testimonies_exact;");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION testimonies_stemmed;");
            migrationBuilder.Sql("DROP TEXT SEARCH DICTIONARY testimonies_english_stem;");
        }
    }
}
