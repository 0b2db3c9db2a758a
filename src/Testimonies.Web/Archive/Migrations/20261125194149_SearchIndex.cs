using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations
{
    /// <summary>
    /// The full-text index (see Search/SearchIndex.cs): a stemmed and an as-written FTS5 table over
    /// published statements, filled here for stores that already hold data. The SQL is written out in
    /// full so that this migration does not change when the application code does.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        private const string Fill = """
            SELECT s.Id, s.Text, coalesce(s.Context, ''),
                   trim(coalesce(sp.Name, '') || ' ' || sp.Description || ' ' || coalesce(sp.Nationality, '')),
                   coalesce((SELECT group_concat(r.Name, '; ') FROM StatementReasons sr JOIN Reasons r ON r.Id = sr.ReasonsId WHERE sr.StatementsId = s.Id), '')
            FROM Statements s JOIN Speakers sp ON sp.Id = s.SpeakerId
            WHERE s.Status = 'Published'
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE StatementSearch USING fts5(text, context, speaker, reasons, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE StatementSearchExact USING fts5(text, context, speaker, reasons, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');");
            migrationBuilder.Sql($"INSERT INTO StatementSearch(rowid, text, context, speaker, reasons) {Fill};");
            migrationBuilder.Sql($"INSERT INTO StatementSearchExact(rowid, text, context, speaker, reasons) {Fill};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE StatementSearch;");
            migrationBuilder.Sql("DROP TABLE StatementSearchExact;");
        }
    }
}
