using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Forecast;
using SalesCoachBot.Nudges;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Forecast;

/// <summary>Chances learned from a small history, counted by hand, with a minimum sample of three closed deals.</summary>
public sealed class WinProbabilitiesTests : BotTest
{
    private static DateTimeOffset Day(int day) => new(2026, 1, day, 12, 0, 0, TimeSpan.Zero);

    private async Task<(long Alice, long Bob)> SeedAsync()
    {
        await using var db = Bot.Database();
        var carol = db.Reps.Add(new Rep { DisplayName = "Carol", Email = "carol@example.com", IsManager = true }).Entity;
        await db.SaveChangesAsync();
        var alice = db.Reps.Add(new Rep { DisplayName = "Alice", Email = "alice@example.com", ManagerId = carol.Id }).Entity;
        var other = db.Reps.Add(new Rep { DisplayName = "Olga", Email = "olga@example.com" }).Entity;
        await db.SaveChangesAsync();
        void Add(Rep owner, params DealStage[] moves)
        {
            var deal = Deal.Open("D", null, owner, Day(1));
            for (var i = 0; i < moves.Length; i++)
                deal.MoveTo(moves[i], Day(2 + i));
            db.Deals.Add(deal);
        }
        Add(alice, DealStage.Discovery, DealStage.Proposal, DealStage.Won);
        Add(alice, DealStage.Discovery, DealStage.Lost);
        Add(carol, DealStage.Discovery, DealStage.Proposal, DealStage.Lost);
        Add(alice, DealStage.Won);
        Add(alice, DealStage.Discovery);                        // open: not counted
        Add(other, DealStage.Discovery, DealStage.Won);         // another team's
        Add(alice, DealStage.Proposal, DealStage.Won, DealStage.Proposal); // reopened: open again, not counted
        await db.SaveChangesAsync();
        return (carol.Id, alice.Id);
    }

    private async Task<IReadOnlyDictionary<DealStage, StageOdds>> ForAsync(IReadOnlyCollection<long>? team, bool enabled = true)
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var probabilities = new WinProbabilities(Bot.Database(), scope.ServiceProvider.GetRequiredService<SalesContent>(), new StallLearning(enabled, MinimumDeals: 3, 2, 60));
        return await probabilities.ForTeamAsync(team, CancellationToken.None);
    }

    [Fact]
    public async Task TheShareWonOfTheTeamsClosedDealsThatReachedEachStage()
    {
        var (carol, alice) = await SeedAsync();

        var odds = await ForAsync([carol, alice]);

        Assert.Equal(new StageOdds(DealStage.Prospecting, 2 / 4.0, true, 4), odds[DealStage.Prospecting]); // every deal starts there: 2 won of 4 closed
        Assert.Equal(new StageOdds(DealStage.Discovery, 1 / 3.0, true, 3), odds[DealStage.Discovery]);     // won, lost, lost
        Assert.Equal(new StageOdds(DealStage.Proposal, 0.40, false, 2), odds[DealStage.Proposal]);        // 2 closed: below the minimum, the default
        Assert.Equal("learned from 3 closed deals", odds[DealStage.Discovery].Source);
        Assert.Equal("default", odds[DealStage.Proposal].Source);
    }

    [Fact]
    public async Task TheWholeOrganisationCountsEveryTeamAndLearningOffKeepsTheDefaults()
    {
        await SeedAsync();

        Assert.Equal(new StageOdds(DealStage.Discovery, 2 / 4.0, true, 4), (await ForAsync(null))[DealStage.Discovery]);
        Assert.All((await ForAsync(null, enabled: false)).Values, o => Assert.False(o.Learned));
        Assert.Equal(0.25, (await ForAsync(null, enabled: false))[DealStage.Discovery].Chance);
    }
}
