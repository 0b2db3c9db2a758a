using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Testimonies.Web.Archive.Migrations
{
    /// <inheritdoc />
    public partial class SourceTextsAnchors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnchorEnd",
                table: "Statements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorPrefix",
                table: "Statements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AnchorStart",
                table: "Statements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnchorSuffix",
                table: "Statements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Provenance",
                table: "Statements",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "NotStated"); // rows from before provenance was recorded: the source is not known to say

            migrationBuilder.AddColumn<string>(
                name: "ProvenanceWords",
                table: "Statements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpokenLanguage",
                table: "Statements",
                type: "TEXT",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TextVersion",
                table: "Statements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Translated",
                table: "Statements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "Speakers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PercentQualifier",
                table: "Findings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SourceTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TakenOn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Headings = table.Column<string>(type: "TEXT", nullable: true),
                    EndsBefore = table.Column<string>(type: "TEXT", nullable: true),
                    CorrectionNote = table.Column<string>(type: "TEXT", nullable: true),
                    StoredAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceTexts_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SourceTexts_SourceId_Version",
                table: "SourceTexts",
                columns: new[] { "SourceId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourceTexts");

            migrationBuilder.DropColumn(
                name: "AnchorEnd",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "AnchorPrefix",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "AnchorStart",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "AnchorSuffix",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "Provenance",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "ProvenanceWords",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "SpokenLanguage",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "TextVersion",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "Translated",
                table: "Statements");

            migrationBuilder.DropColumn(
                name: "Label",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "PercentQualifier",
                table: "Findings");
        }
    }
}
