using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndexWithoutForeignKeyPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A large import builds the index as a new table and puts it in the old one's place (Search/PostgresFullText.cs).
            // Dropping a table whose foreign key points at "Statements" removes that key's triggers, which locks "Statements"
            // against every reader until the import commits. No statement is ever deleted, and the writers keep the index in
            // step themselves, as on SQLite, whose FTS5 tables have no key either; `verify` checks it both ways.
            migrationBuilder.Sql("""ALTER TABLE "StatementSearch" DROP CONSTRAINT IF EXISTS "StatementSearch_StatementId_fkey";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "StatementSearch" ADD CONSTRAINT "StatementSearch_StatementId_fkey"
                FOREIGN KEY ("StatementId") REFERENCES "Statements" ("Id") ON DELETE CASCADE;
                """);
        }
    }
}
