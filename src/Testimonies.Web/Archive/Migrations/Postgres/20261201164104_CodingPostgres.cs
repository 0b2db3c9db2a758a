using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Testimonies.Web.Archive.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CodingPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CodebookVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Dated = table.Column<DateOnly>(type: "date", nullable: false),
                    ChangeNote = table.Column<string>(type: "text", nullable: false),
                    CodesJson = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodebookVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Coders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Label = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true),
                    MaintainerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CodingDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StatementId = table.Column<int>(type: "integer", nullable: false),
                    CodebookVersion = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: false),
                    DecidedAt = table.Column<string>(type: "text", nullable: false),
                    Why = table.Column<string>(type: "text", nullable: false),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReplacedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodingDecisions_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Codings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StatementId = table.Column<int>(type: "integer", nullable: false),
                    CoderId = table.Column<int>(type: "integer", nullable: false),
                    ReasonId = table.Column<int>(type: "integer", nullable: true),
                    CodebookVersion = table.Column<int>(type: "integer", nullable: false),
                    CodedAt = table.Column<string>(type: "text", nullable: true),
                    Confidence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    SpanStart = table.Column<int>(type: "integer", nullable: true),
                    SpanEnd = table.Column<int>(type: "integer", nullable: true),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReplacedAt = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Codings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Codings_Coders_CoderId",
                        column: x => x.CoderId,
                        principalTable: "Coders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Codings_Reasons_ReasonId",
                        column: x => x.ReasonId,
                        principalTable: "Reasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Codings_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "role-administrator", "role-administrator", "administrator", "ADMINISTRATOR" },
                    { "role-coder", "role-coder", "coder", "CODER" },
                    { "role-editor", "role-editor", "editor", "EDITOR" }
                });

            // Accounts made before roles could do everything: they stay able to, as administrators.
            migrationBuilder.Sql("""
                INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT "Id", 'role-administrator' FROM "AspNetUsers";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CodebookVersions_Number",
                table: "CodebookVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Coders_Key",
                table: "Coders",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Coders_MaintainerId",
                table: "Coders",
                column: "MaintainerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CodingDecisions_StatementId_DecidedAt",
                table: "CodingDecisions",
                columns: new[] { "StatementId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Codings_CoderId_CodebookVersion",
                table: "Codings",
                columns: new[] { "CoderId", "CodebookVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Codings_ReasonId",
                table: "Codings",
                column: "ReasonId");

            migrationBuilder.CreateIndex(
                name: "IX_Codings_StatementId_CoderId",
                table: "Codings",
                columns: new[] { "StatementId", "CoderId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CodebookVersions");

            migrationBuilder.DropTable(
                name: "CodingDecisions");

            migrationBuilder.DropTable(
                name: "Codings");

            migrationBuilder.DropTable(
                name: "Coders");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "role-administrator");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "role-coder");

            migrationBuilder.DeleteData(
                table: "AspNetRoles",
                keyColumn: "Id",
                keyValue: "role-editor");
        }
    }
}
