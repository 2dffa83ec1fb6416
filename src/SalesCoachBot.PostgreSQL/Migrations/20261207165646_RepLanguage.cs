using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class RepLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Reps",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Reps");
        }
    }
}
