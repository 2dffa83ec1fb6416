using SalesCoachBot.Deals;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Forecast;

/// <summary>Who sees which forecast: a manager their team's, a rep their own, a rep of their team on request; today is 2 March 2026.</summary>
public sealed class ForecastByChatTests : BotTest
{
    private static readonly ChatUser Carol = BotHarness.User("carol") with { Email = "carol@example.com" };
    private static readonly ChatUser Bob = BotHarness.User("bob") with { Email = "bob@example.com" };
    private static readonly ChatUser Erin = BotHarness.User("erin") with { Email = "erin@example.com" };

    private async Task SeedAsync()
    {
        await using var db = Bot.Database();
        var carol = db.Reps.Add(new Rep { DisplayName = "Carol", Email = "carol@example.com", IsManager = true }).Entity;
        var erin = db.Reps.Add(new Rep { DisplayName = "Erin", Email = "erin@example.com" }).Entity;
        await db.SaveChangesAsync();
        var bob = db.Reps.Add(new Rep { DisplayName = "Bob", Email = "bob@example.com", ManagerId = carol.Id }).Entity;
        await db.SaveChangesAsync();
        void Add(Rep owner, string name, decimal amount, DealStage stage, DateOnly? close)
        {
            var deal = Deal.Open(name, new Money(amount, "USD"), owner, BotHarness.Start.AddDays(-10));
            deal.MoveTo(stage, BotHarness.Start.AddDays(-5));
            deal.ExpectedCloseDate = close;
            db.Deals.Add(deal);
        }
        Add(bob, "Acme", 10_000, DealStage.Negotiation, new DateOnly(2026, 3, 20));
        Add(carol, "Globex", 5_000, DealStage.Proposal, new DateOnly(2026, 4, 15));
        Add(carol, "Hooli", 4_000, DealStage.Proposal, null);
        Add(erin, "Initech", 7_000, DealStage.Discovery, new DateOnly(2026, 3, 25));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task AManagerSeesTheirTeamAndTheDealsWithoutADateApart()
    {
        await SeedAsync();

        await Bot.Flow(Carol).Send("forecast").AssertReply(Contains("Forecast, team of Carol, Mar 2026 – May 2026",
                "2 deals closing in Mar 2026 – May 2026: $15,000 pipeline, $8,000 weighted, $10,000 commit.",
                "1 deal: pipeline $10,000 · weighted $6,000 · commit $10,000",
                "1 deal, $4,000, needs a close date (none set).",
                "Negotiation 60% (default)"))
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepSeesTheirOwnAndOnlyTheirManagerSeesTheirsOnRequest()
    {
        await SeedAsync();

        await Bot.Flow(Bob).Send("what's my forecast").AssertReply(Contains("Your forecast", "1 deal closing in Mar 2026 – May 2026: $10,000 pipeline, $6,000 weighted, $10,000 commit."))
            .StartTestAsync();
        await Bot.Flow(Erin).Send("forecast for bob@example.com").AssertReply(Contains("Only bob@example.com's manager or an admin can see their forecast"))
            .StartTestAsync();
        await Bot.Flow(Carol).Send("forecast next quarter for bob@example.com").AssertReply(Contains("Forecast for Bob, Apr 2026 – Jun 2026",
                "No open deals close in Apr 2026 – Jun 2026.", "1 deal, $10,000, closes outside Apr 2026 – Jun 2026."))
            .StartTestAsync();
    }
}
