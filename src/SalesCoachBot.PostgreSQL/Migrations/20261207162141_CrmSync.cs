using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class CrmSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CrmLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    Provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CrmId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ValuesJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SyncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmLinks_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrmSyncStates",
                columns: table => new
                {
                    Provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastPullAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastFullPullAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RateLimitRemaining = table.Column<long>(type: "bigint", nullable: true),
                    RateLimitMax = table.Column<long>(type: "bigint", nullable: true),
                    RateLimitWindow = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RateLimitAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmSyncStates", x => x.Provider);
                });

            migrationBuilder.CreateTable(
                name: "CrmWrites",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DealId = table.Column<long>(type: "bigint", nullable: false),
                    RepId = table.Column<long>(type: "bigint", nullable: false),
                    Fields = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InteractionId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LeasedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeasedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmWrites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrmWrites_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrmWrites_Interactions_InteractionId",
                        column: x => x.InteractionId,
                        principalTable: "Interactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CrmLinks_DealId",
                table: "CrmLinks",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_CrmLinks_Provider_CrmId",
                table: "CrmLinks",
                columns: new[] { "Provider", "CrmId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrmLinks_Provider_DealId",
                table: "CrmLinks",
                columns: new[] { "Provider", "DealId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrmWrites_DealId_Id",
                table: "CrmWrites",
                columns: new[] { "DealId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmWrites_DoneAt_FailedAt_NextAttemptAt",
                table: "CrmWrites",
                columns: new[] { "DoneAt", "FailedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmWrites_InteractionId",
                table: "CrmWrites",
                column: "InteractionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrmLinks");

            migrationBuilder.DropTable(
                name: "CrmSyncStates");

            migrationBuilder.DropTable(
                name: "CrmWrites");
        }
    }
}
