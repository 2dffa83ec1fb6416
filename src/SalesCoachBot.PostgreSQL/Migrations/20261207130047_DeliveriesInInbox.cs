using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class DeliveriesInInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The claims already taken move to the inbox, born done, so a retry arriving during the upgrade is still refused.
            // Every row: the sweep kept the table to the last two days, and the inbox's purge forgets older ones as it did.
            migrationBuilder.Sql("""
                INSERT INTO "Inbox" ("DeliveryId", "Channel", "Lane", "Payload", "ReceivedAt", "Attempts", "DoneAt")
                SELECT "Id", left(split_part("Id", ':', 1), 32), '', '', "ReceivedAt", 0, "ReceivedAt" FROM "ProcessedDeliveries" WHERE true
                ON CONFLICT DO NOTHING;
                """);

            migrationBuilder.DropTable(
                name: "ProcessedDeliveries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcessedDeliveries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedDeliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedDeliveries_ReceivedAt",
                table: "ProcessedDeliveries",
                column: "ReceivedAt");

            // The claims go back (they are the inbox's rows with nothing to run); Slack's deliveries stay.
            migrationBuilder.Sql("""
                INSERT INTO "ProcessedDeliveries" ("Id", "ReceivedAt")
                SELECT "DeliveryId", "ReceivedAt" FROM "Inbox" WHERE "Payload" = '';
                DELETE FROM "Inbox" WHERE "Payload" = '';
                """);
        }
    }
}
