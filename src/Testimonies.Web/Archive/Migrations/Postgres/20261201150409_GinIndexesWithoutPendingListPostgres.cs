using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GinIndexesWithoutPendingListPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // GIN's fast update puts new entries in a pending list that every search scans until it is merged: during a
            // 100,000-row import a two-word search's index scan took 11–40 ms instead of under 1 (docs/performance.md).
            // Without it an insert updates the index itself, and readers scan only what they need.
            migrationBuilder.Sql("""ALTER INDEX "IX_StatementSearch_Stemmed" SET (fastupdate = off);""");
            migrationBuilder.Sql("""ALTER INDEX "IX_StatementSearch_Exact" SET (fastupdate = off);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER INDEX "IX_StatementSearch_Stemmed" SET (fastupdate = on);""");
            migrationBuilder.Sql("""ALTER INDEX "IX_StatementSearch_Exact" SET (fastupdate = on);""");
        }
    }
}
