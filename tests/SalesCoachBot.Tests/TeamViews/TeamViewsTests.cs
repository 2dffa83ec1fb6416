using SalesCoachBot.Deals;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.TeamViews;

/// <summary>A manager's views of their team. Today: Monday 2 March 2026; Carol manages Bob and Dana.</summary>
public sealed class TeamViewsTests : BotTest
{
    private static readonly ChatUser Carol = BotHarness.User("carol") with { Email = "carol@example.com" };
    private static readonly ChatUser Bob = BotHarness.User("bob") with { Email = "bob@example.com" };

    private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);

    private async Task SeedAsync()
    {
        await using var db = Bot.Database();
        var carol = db.Reps.Add(new Rep { DisplayName = "Carol", Email = "carol@example.com", IsManager = true }).Entity;
        var erin = db.Reps.Add(new Rep { DisplayName = "Erin", Email = "erin@example.com" }).Entity; // another team
        await db.SaveChangesAsync();
        var bob = db.Reps.Add(new Rep { DisplayName = "Bob", Email = "bob@example.com", ManagerId = carol.Id }).Entity;
        var dana = db.Reps.Add(new Rep { DisplayName = "Dana", Email = "dana@example.com", ManagerId = carol.Id }).Entity;
        await db.SaveChangesAsync();
        void Add(Rep owner, string name, decimal amount, DateTimeOffset created, DealStage stage, DateTimeOffset? movedAt = null, string? reason = null)
        {
            var deal = Deal.Open(name, new Money(amount, "USD"), owner, created);
            if (stage != DealStage.Prospecting)
                deal.MoveTo(stage, movedAt ?? created);
            deal.CloseReason = reason;
            db.Deals.Add(deal);
        }
        Add(bob, "Acme", 40_000, Day(1, 5), DealStage.Discovery, Day(1, 10));        // idle since 10 Jan: stalled
        Add(bob, "Globex", 10_000, Day(2, 27), DealStage.Proposal);                  // fresh
        Add(dana, "Hooli", 20_000, Day(2, 25), DealStage.Prospecting);
        Add(erin, "Initech", 99_000, Day(1, 5), DealStage.Discovery, Day(1, 10));    // not Carol's
        // This quarter (since 1 January): Bob won 2 of 3, Dana 1 of 2.
        Add(bob, "Won1", 30_000, Day(1, 2), DealStage.Won, Day(1, 12), "fast rollout");
        Add(bob, "Won2", 10_000, Day(1, 2), DealStage.Won, Day(1, 22));
        Add(bob, "Lost1", 25_000, Day(1, 2), DealStage.Lost, Day(2, 1), "Lost to a competitor: went with HubSpot, cheaper seats");
        Add(dana, "Won3", 20_000, Day(1, 2), DealStage.Won, Day(2, 11));
        Add(dana, "Lost2", 5_000, Day(1, 2), DealStage.Lost, Day(2, 3), "Price");
        Add(dana, "Lost3", 8_000, Day(1, 2), DealStage.Lost, Day(2, 4), "Lost to a competitor: Salesforce had the integration");
        Add(dana, "OldLoss", 8_000, Day(1, 2) - TimeSpan.FromDays(60), DealStage.Lost, Day(1, 2) - TimeSpan.FromDays(30), "Price"); // last quarter
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TeamPipelineShowsEachRepByStageAndWhatIsAtRisk()
    {
        await SeedAsync();

        await Bot.Flow(Carol).Send("team pipeline").AssertReply(Contains(
                "3 open deals, $70,000; 1 stalled, $40,000 at risk.",
                "Discovery 1 ($40,000) · Proposal 1 ($10,000) — 1 stalled, $40,000 at risk",
                "Prospecting 1 ($20,000)",
                "Stalled: Acme (Discovery, 50 days idle)"))
            .StartTestAsync();
        await Bot.Flow(Bob).Send("team pipeline").AssertReply(Contains("That view is for managers")).StartTestAsync();
    }

    [Fact]
    public async Task LossReasonsRollUpUnderTheFixedReasonsWithTheRepsWords()
    {
        await SeedAsync();

        await Bot.Flow(Carol).Send("loss reasons this quarter").AssertReply(reply =>
            {
                Assert.Equal("3 deals lost this quarter, $38,000.", reply.Text);
                Assert.Equal([("Lost to a competitor", "2 ($33,000): Lost1: \"went with HubSpot, cheaper seats\"; Lost3: \"Salesforce had the integration\""), ("Price", "1 ($5,000)")],
                    reply.Facts.Select(f => (f.Label, f.Value)));
            })
            .Send("why did we lose deals last quarter").AssertReply(Contains("1 deal lost last quarter, $8,000.", "Price"))
            .StartTestAsync();
    }

    [Fact]
    public async Task ARepsNumbersStandBesideTheTeamsMedian()
    {
        await SeedAsync();

        await Bot.Flow(Carol).Send("how is bob doing?").AssertReply(reply =>
            {
                var facts = reply.Facts.ToDictionary(f => f.Label, f => f.Value);
                // Bob 2/3 = 67%, Dana 1/3 = 33%, Carol none: median of 67% and 33% is 50%.
                Assert.Equal("67% (team median 50%)", facts["Win rate"]);
                // Bob: 10 and 20 days (mean 15); Dana: 40 days. Median of 15 and 40: 27.5.
                Assert.Equal("15 days (team median 28 days)", facts["Time to close"]);
                Assert.Equal("$20,000 (team median $20,000)", facts["Average deal size"]);
                Assert.Equal("2 (1 stalled)", facts["Open deals"]);
            })
            .Send("how is zed doing?").AssertReply(Contains("I don't find zed on your team."))
            .StartTestAsync();
    }
}
