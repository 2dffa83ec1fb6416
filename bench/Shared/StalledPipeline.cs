using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using static PreparedInserts;

/// <summary>
/// The stall sweep's worst case, written straight into a bot database its host has made: reps in teams of ten, each
/// reachable on one channel, and deals that are all open and stalled (idle since 2025 at the latest, no next step).
/// </summary>
internal static class StalledPipeline
{
    /// <summary>Where a generated rep is reached: the channel, their id on it and the address its sender reads (JSON).</summary>
    public sealed record Account(string Channel, string AccountId, string? TenantId, string Address);

    /// <summary>A terminal user: the sweep plans nudges for them; a hosted bot has no sender for the channel.</summary>
    public static Account Terminal(int rep) => new("terminal", $"rep{rep}", null, $"{{\"user\":\"rep{rep}\"}}");

    // The open stages (DealStage's names, as the bot's model stores them).
    private static readonly string[] OpenStages = ["Prospecting", "InitialContact", "Discovery", "Proposal", "Negotiation", "Closing"];

    /// <summary>Writes with prepared statements; values are encoded exactly as the bot's model stores them. Reps get ids 1 … <paramref name="reps"/>.</summary>
    public static void Generate(string path, int reps, int deals, Func<int, Account>? account = null)
    {
        account ??= Terminal;
        var toBinary = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;
        var random = new Random(42);
        var seen = toBinary(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var rep = Command(connection, transaction, "INSERT INTO Reps (Id, DisplayName, Email, CreatedAt, ManagerId, IsManager) VALUES ($id, $name, $email, $at, $manager, 0)", "$id", "$name", "$email", "$at", "$manager");
        var accounts = Command(connection, transaction, "INSERT INTO ChannelAccounts (RepId, Channel, AccountId, TenantId, Address, LastSeenAt) VALUES ($rep, $channel, $account, $tenant, $address, $seen)",
            "$rep", "$channel", "$account", "$tenant", "$address", "$seen");
        for (var i = 1; i <= reps; i++)
        {
            Run(rep, i, $"Rep {i}", $"rep{i}@example.com", seen, i % 10 == 1 ? DBNull.Value : i - (i - 1) % 10);
            var reached = account(i);
            Run(accounts, i, reached.Channel, reached.AccountId, reached.TenantId, reached.Address, seen);
        }
        var deal = Command(connection, transaction, "INSERT INTO Deals (Id, Name, Account, Amount, Currency, Stage, OwnerId, CreatedAt, LastActivityAt) VALUES ($id, $name, $name, $amount, 'USD', $stage, $owner, $created, $last)",
            "$id", "$name", "$amount", "$stage", "$owner", "$created", "$last");
        var change = Command(connection, transaction, "INSERT INTO StageChanges (DealId, \"From\", \"To\", At) VALUES ($deal, NULL, 'Prospecting', $at)", "$deal", "$at");
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var id = 1; id <= deals; id++)
        {
            var created = start.AddDays(random.NextDouble() * 300);
            var last = created.AddDays(random.NextDouble() * 200); // at most 2025-12-28: idle close to a year by the sweep
            Run(deal, id, $"Deal {id}", (random.Next(1, 200) * 500).ToString(CultureInfo.InvariantCulture), OpenStages[random.Next(OpenStages.Length)], 1 + id % reps, toBinary(created), toBinary(last));
            Run(change, id, toBinary(created));
        }
        transaction.Commit();
    }
}
