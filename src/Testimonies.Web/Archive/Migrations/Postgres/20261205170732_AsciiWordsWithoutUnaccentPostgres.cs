using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations.Postgres
{
    /// <summary>
    /// Words of ASCII letters only (the parser's asciiword, asciihword and hword_asciipart tokens) go straight to the stemmer or
    /// to simple, without unaccent first: unaccent has no rule for an ASCII character, so it passed them on unchanged, and asking
    /// it cost a tenth of the index's computing (docs/performance.md). Every other token still has its accents folded. The
    /// vectors and queries made are the same, so no row is written again. Written out in full so that this migration does not
    /// change when the application code does.
    /// </summary>
    public partial class AsciiWordsWithoutUnaccentPostgres : Migration
    {
        private static string Map(string configuration, string dictionaries) =>
            $"ALTER TEXT SEARCH CONFIGURATION {configuration} "
            + $"ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH {dictionaries};";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Map("testimonies_stemmed", "testimonies_english_stem"));
            migrationBuilder.Sql(Map("testimonies_exact", "simple"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Map("testimonies_stemmed", "unaccent, testimonies_english_stem"));
            migrationBuilder.Sql(Map("testimonies_exact", "unaccent, simple"));
        }
    }
}
