using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>
/// Each message of <c>new-deal-names.tsv</c> said by a rep of its own, through chat: the deal is filed under the
/// name alone, with the amount, close date and stage said around it in their fields. A reading the bot shows
/// before saving counts when what it shows is right and the rep confirms it.
/// </summary>
public sealed class NewDealNamesTests(ITestOutputHelper output) : BotTest
{
    [StoreFact]
    public async Task TheNameARepGivesIsTheNameThatIsSavedWithTheRestInItsFields()
    {
        var wrong = new List<string>();
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Understanding", "new-deal-names.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var (message, expected) = (rows[i][0], Expected(rows[i]));
            Reply? first = null;
            await Bot.Flow(BotHarness.User($"rep{i}", $"conversation{i}"))
                .Send(message).AssertReply(r => first = r)
                .Send(() => first!.Buttons.Any(b => b.Title == "Confirm") ? "Confirm" : "my deals").AssertReply(_ => { })
                .StartTestAsync();

            await using var db = Bot.Database();
            var saved = await db.Deals.Where(d => d.Owner!.DisplayName == $"rep{i}").ToListAsync();
            var got = saved.Count == 1 ? Describe(saved[0]) : $"{saved.Count} deals saved; the bot said: {ReplyText.Render(first!).Split('\n')[0]}";
            if (got != expected)
                wrong.Add($"{message}\n    expected {expected}\n    got      {got}");
        }
        output.WriteLine($"{rows.Count - wrong.Count} of {rows.Count} saved as said");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {rows.Count} not saved as said:\n{string.Join("\n", wrong)}");
    }

    private static string Expected(string[] row)
    {
        var fields = row.Skip(2).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        return $"{row[1]} | {fields.GetValueOrDefault("amount", "-")} | {fields.GetValueOrDefault("close", "-")} | {fields.GetValueOrDefault("stage", "Prospecting")}";
    }

    private static string Describe(Deal deal) =>
        $"{deal.Name} | {(deal.Amount is { } amount ? $"{amount.ToString("0.##", CultureInfo.InvariantCulture)} {deal.Currency}" : "-")} | " +
        $"{deal.ExpectedCloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} | {deal.Stage.DisplayName()}";
}
