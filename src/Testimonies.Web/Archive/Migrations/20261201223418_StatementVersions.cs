using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations
{
    /// <inheritdoc />
    public partial class StatementVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatementVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    SpeakerKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SpeakerName = table.Column<string>(type: "TEXT", nullable: true),
                    SpeakerDescription = table.Column<string>(type: "TEXT", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Section = table.Column<string>(type: "TEXT", nullable: true),
                    Footnote = table.Column<string>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TextVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    AnchorStart = table.Column<int>(type: "INTEGER", nullable: true),
                    AnchorEnd = table.Column<int>(type: "INTEGER", nullable: true),
                    SaidWhen = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementVersions_Revisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "Revisions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_StatementVersions_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatementVersions_RevisionId",
                table: "StatementVersions",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementVersions_StatementId_Number",
                table: "StatementVersions",
                columns: new[] { "StatementId", "Number" },
                unique: true);

            // Every statement already in the archive: its present state as version 1, dated at its first revision (a statement
            // without one, which the import never leaves, is dated when this migration was written).
            // The SQL of StatementVersions.FirstVersionsSql on the day this was written, frozen: a migration runs as it was.
            migrationBuilder.Sql("""
                INSERT INTO "StatementVersions" ("StatementId", "Number", "At", "By", "Origin", "Note", "RevisionId", "Text", "Kind",
                    "Language", "SpeakerKey", "SpeakerName", "SpeakerDescription", "SourceKey", "Section", "Footnote", "Position",
                    "TextVersion", "AnchorStart", "AnchorEnd", "SaidWhen")
                SELECT s."Id", 1, COALESCE(f."At", '2026-12-01T22:34:18.0000000Z'), COALESCE(f."By", 'archive'),
                    COALESCE(f."Origin", 'migration'), NULL, r."Last", s."Text",
                    s."Kind", s."Language", p."Key", p."Name", p."Description", o."Key", s."Section", s."Footnote", s."Position",
                    s."TextVersion", s."AnchorStart", s."AnchorEnd", s."SaidWhen"
                FROM "Statements" s
                JOIN "Speakers" p ON p."Id" = s."SpeakerId"
                JOIN "Sources" o ON o."Id" = s."SourceId"
                LEFT JOIN (SELECT "StatementId", MIN("Id") AS "First", MAX("Id") AS "Last" FROM "Revisions" GROUP BY "StatementId") r
                    ON r."StatementId" = s."Id"
                LEFT JOIN "Revisions" f ON f."Id" = r."First"
                WHERE NOT EXISTS (SELECT 1 FROM "StatementVersions" v WHERE v."StatementId" = s."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatementVersions");
        }
    }
}
