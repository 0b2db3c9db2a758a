using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations.Postgres
{
    /// <summary>
    /// The index's reasons field now lists a statement's reasons in the order of their ids (Search/PostgresFullText.cs); before,
    /// in whatever order the plan read them, so `verify` could find a row written under one plan out of step under another.
    /// Only statements with two reasons or more can differ: their rows are written again. Written out in full so that this
    /// migration does not change when the application code does.
    /// </summary>
    public partial class SearchReasonsInOrderPostgres : Migration
    {
        private static string Vector(string configuration, bool weighted)
        {
            string Field(string sql, char weight) => weighted
                ? $"setweight(to_tsvector('{configuration}', {sql}), '{weight}')"
                : $"to_tsvector('{configuration}', {sql})";
            return string.Join(" || ",
                Field("""s."Text" """, 'A'),
                Field("""coalesce(s."Context", '')""", 'B'),
                Field("""concat_ws(' ', sp."Name", sp."Description", sp."Nationality")""", 'C'),
                Field("""coalesce(reasons."Names", '')""", 'D'));
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                UPDATE "StatementSearch" search SET "Stemmed" = v."Stemmed", "Exact" = v."Exact"
                FROM (SELECT s."Id", {Vector("testimonies_stemmed", weighted: true)} AS "Stemmed",
                             {Vector("testimonies_exact", weighted: false)} AS "Exact"
                      FROM "Statements" s JOIN "Speakers" sp ON sp."Id" = s."SpeakerId"
                      JOIN (SELECT sr."StatementsId", string_agg(r."Name", '; ' ORDER BY r."Id") AS "Names"
                            FROM "StatementReasons" sr JOIN "Reasons" r ON r."Id" = sr."ReasonsId"
                            GROUP BY sr."StatementsId" HAVING count(*) > 1) reasons ON reasons."StatementsId" = s."Id"
                      WHERE s."Status" = 'Published') v
                WHERE search."StatementId" = v."Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the rows hold the same words, and the old order was no order.
        }
    }
}
