using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Audit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DigestSubscriptions_ConversationId",
                table: "DigestSubscriptions");

            migrationBuilder.AddColumn<bool>(
                name: "IsManager",
                table: "Reps",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Change = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_ConversationId_ManagerId",
                table: "DigestSubscriptions",
                columns: new[] { "ConversationId", "ManagerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Audit_At",
                table: "Audit",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropIndex(
                name: "IX_DigestSubscriptions_ConversationId_ManagerId",
                table: "DigestSubscriptions");

            migrationBuilder.DropColumn(
                name: "IsManager",
                table: "Reps");

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscriptions_ConversationId",
                table: "DigestSubscriptions",
                column: "ConversationId",
                unique: true);
        }
    }
}
