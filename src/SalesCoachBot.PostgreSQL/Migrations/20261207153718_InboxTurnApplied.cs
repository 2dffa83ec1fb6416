using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class InboxTurnApplied : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnswerJson",
                table: "Inbox",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppliedAt",
                table: "Inbox",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnswerJson",
                table: "Inbox");

            migrationBuilder.DropColumn(
                name: "AppliedAt",
                table: "Inbox");
        }
    }
}
