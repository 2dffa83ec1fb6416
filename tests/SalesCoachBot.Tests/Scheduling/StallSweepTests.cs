using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Deals;
using SalesCoachBot.Interactions;
using SalesCoachBot.Nudges;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>
/// The sweep reads all reps' deals at once; on a mixed organisation it must nudge exactly what each rep's
/// own stall check and the snooze, pause, quiet-hour and daily-cap rules allow. Monday 2 March 2026, 09:00 UTC.
/// Mia's team (Mia, Ann, Ben, Dan) learned that Proposal stalls after 3 days, and so did the whole
/// organisation (Cal has no team); Dan's own team (Dan, Eve) has no history, so Proposal keeps its 10 days.
/// </summary>
public class StallSweepTests : BotTest
{
    private static readonly DateTimeOffset Now = BotHarness.Start;

    [StoreFact]
    public async Task NudgesExactlyTheDueStalledDealsOfRepsOnDutyGivenAMixedOrganisation()
    {
        await SeedAsync();

        var written = await Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None));

        var nudges = Bot.Outbox().Where(o => o.Message.CreatedAt == Now).ToList();
        Assert.Equal(written, nudges.Count);
        Assert.Equal(
            ["Ann past step", "Ann proposal", "Ann stalled", "Cal nudged long ago", "Cal proposal", "Cal snooze over", "Dan stalled", "Eve closing", "Hal 5"],
            nudges.Where(o => o.Message.Kind == MessageKind.Nudge).Select(o => o.Reply.Title!.Replace(" has gone quiet", "")).Order());
        var summary = Assert.Single(nudges, o => o.Message.Kind == MessageKind.NudgeSummary).Reply;
        Assert.Equal(["Hal 4", "Hal 3", "Hal 2", "Hal 1"], summary.Facts.Select(f => f.Label));

        await using var db = Bot.Database();
        Assert.Equal(
            ["Ann past step", "Ann proposal", "Ann stalled", "Cal nudged long ago", "Cal proposal", "Cal snooze over", "Dan stalled", "Eve closing", "Hal 1", "Hal 2", "Hal 3", "Hal 4", "Hal 5"],
            await db.Deals.Where(d => d.LastNudgedAt == Now).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync());
        Assert.Equal(0, await Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None)));
    }

    [StoreFact]
    public async Task FindsTheSameStalledDealsAsEachRepsOwnStallCheck()
    {
        await SeedAsync();
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SalesCoachBot.Persistence.SalesCoachDbContext>();
        var reps = await db.Reps.AsNoTracking().ToListAsync();
        var openDeals = await db.Deals.AsNoTracking().Where(d => d.Stage != DealStage.Won && d.Stage != DealStage.Lost).ToListAsync();

        var stalledDeals = services.GetRequiredService<StalledDeals>();
        var stalled = (await stalledDeals.ReadAsync(reps, forNudge: false, CancellationToken.None)).SelectMany(r => r.Deals).ToList();
        var found = (await stalledDeals.DetailsAsync(stalled.Select(d => d.Id), CancellationToken.None)).Values.Select(d => d.Name).Order().ToList();

        var expected = new List<string>();
        foreach (var rep in reps)
        {
            var check = await services.GetRequiredService<StallChecks>().ForRepAsync(rep, services.GetRequiredService<RepClockFactory>().For(rep), CancellationToken.None);
            expected.AddRange(openDeals.Where(d => d.OwnerId == rep.Id && check.IsStalled(d)).Select(d => d.Name));
        }
        Assert.Equal(expected.Order(), found);
        Assert.Contains("Ann proposal", found);
        Assert.DoesNotContain("Eve proposal", found);
    }

    [StoreFact]
    public async Task WritesAFewRepsAtATimeEachRepsNudgesWithTheMarksOnItsDeals()
    {
        await using (var db = Bot.Database())
        {
            var reps = Enumerable.Range(0, 120).Select(i => Rep(db, $"Rep{i:D3}", null)).ToList();
            await db.SaveChangesAsync();
            foreach (var rep in reps)
                for (var d = 0; d < 3; d++)
                    Open(db, rep, $"{rep.DisplayName} deal {d}", 20 + d);
            await db.SaveChangesAsync();
        }

        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var batches = await scope.ServiceProvider.GetRequiredService<NudgePlanner>().PlanBatchesAsync(CancellationToken.None).ToListAsync();

        await using var check = Bot.Database();
        var ownerOf = await check.Deals.ToDictionaryAsync(d => d.Id, d => d.OwnerId);
        var repsWritten = new List<long?>();
        foreach (var batch in batches)
        {
            var reps = batch.Messages.Select(m => m.RepId).Distinct().ToList();
            Assert.InRange(reps.Count, 1, 50); // a turn waiting to write waits for at most fifty reps' writes
            Assert.Equal(reps.Order(), batch.DealIds.Select(id => (long?)ownerOf[id]).Distinct().Order()); // a rep's marks go with its nudges
            repsWritten.AddRange(reps);
        }
        Assert.Equal(120, repsWritten.Count);
        Assert.Equal(120, repsWritten.Distinct().Count());
        Assert.Equal(360, batches.Sum(b => b.DealIds.Count));
    }

    private async Task SeedAsync()
    {
        await using var db = Bot.Database();
        var mia = Rep(db, "Mia", null);
        var cal = Rep(db, "Cal", null);
        await db.SaveChangesAsync();
        var ann = Rep(db, "Ann", mia.Id);
        var ben = Rep(db, "Ben", mia.Id, r => r.NudgesPausedUntil = Now.AddDays(3));
        var dan = Rep(db, "Dan", mia.Id, r => r.NudgesPausedUntil = Now.AddDays(-1));
        var fay = Rep(db, "Fay", null, reachable: false);
        var gus = Rep(db, "Gus", null, r => r.TimeZone = "Asia/Tokyo"); // 18:00 there: after hours
        var hal = Rep(db, "Hal", null);
        await db.SaveChangesAsync();
        var eve = Rep(db, "Eve", dan.Id);
        await db.SaveChangesAsync();

        for (var i = 0; i < 20; i++)
        {
            var won = Deal.Open($"Won {i}", null, mia, Now.AddDays(-300 + i));
            won.MoveTo(DealStage.Proposal, won.CreatedAt.AddDays(14)); // Prospecting learns the default's 14 days
            won.MoveTo(DealStage.Won, won.CreatedAt.AddDays(17));
            db.Deals.Add(won);
        }
        Open(db, ann, "Ann stalled", 20);
        Open(db, ann, "Ann fresh", 3);
        Open(db, ann, "Ann won", 40).Stage = DealStage.Won;
        Open(db, ann, "Ann lost", 40).Stage = DealStage.Lost;
        FollowUp(db, Open(db, ann, "Ann next step", 20), ann, 5);
        FollowUp(db, Open(db, ann, "Ann past step", 20), ann, -2);
        Open(db, ann, "Ann proposal", 5, DealStage.Proposal);
        Open(db, ann, "Ann snoozed", 20).SnoozedUntil = Now.AddDays(2);
        Open(db, ann, "Ann rested", 20).LastNudgedAt = Now.AddDays(-5);
        Open(db, ann, "Ann deleted", 20).DeletedAt = Now.AddDays(-1);
        Open(db, ben, "Ben stalled", 20);
        Open(db, cal, "Cal proposal", 5, DealStage.Proposal);
        var snoozeOver = Open(db, cal, "Cal snooze over", 20);
        (snoozeOver.LastNudgedAt, snoozeOver.SnoozedUntil) = (Now.AddDays(-2), Now.AddHours(-1));
        Open(db, cal, "Cal nudged long ago", 40).LastNudgedAt = Now.AddDays(-15);
        Open(db, dan, "Dan stalled", 8, DealStage.Negotiation);
        Open(db, eve, "Eve proposal", 5, DealStage.Proposal);
        Open(db, eve, "Eve closing", 6, DealStage.Closing);
        Open(db, fay, "Fay stalled", 20);
        Open(db, gus, "Gus stalled", 20);
        for (var i = 1; i <= 5; i++)
            Open(db, hal, $"Hal {i}", 15 + i);
        Sent(db, hal, "nudge:earlier-today", Now.AddHours(-1));
        Sent(db, hal, "nudge:yesterday", Now.AddDays(-1));
        await db.SaveChangesAsync();
    }

    private static Rep Rep(SalesCoachBot.Persistence.SalesCoachDbContext db, string name, long? managerId, Action<Rep>? setUp = null, bool reachable = true)
    {
        var rep = new Rep { DisplayName = name, Email = $"{name.ToLowerInvariant()}@example.com", ManagerId = managerId, CreatedAt = Now.AddDays(-400) };
        setUp?.Invoke(rep);
        rep.Accounts.Add(new RepAccount { Channel = ChatUser.Channel, AccountId = name, Address = "{}", LastSeenAt = Now.AddDays(-1), UnreachableAt = reachable ? null : Now.AddDays(-1) });
        return db.Reps.Add(rep).Entity;
    }

    private static Deal Open(SalesCoachBot.Persistence.SalesCoachDbContext db, Rep owner, string name, int idleDays, DealStage stage = DealStage.Prospecting)
    {
        var deal = Deal.Open(name, null, owner, Now.AddDays(-idleDays - 1));
        if (stage != DealStage.Prospecting)
            deal.MoveTo(stage, Now.AddDays(-idleDays - 1));
        deal.LastActivityAt = Now.AddDays(-idleDays);
        return db.Deals.Add(deal).Entity;
    }

    private static void FollowUp(SalesCoachBot.Persistence.SalesCoachDbContext db, Deal deal, Rep rep, int dueInDays) =>
        db.FollowUps.Add(new FollowUp { Deal = deal, RepId = rep.Id, Note = "call back", DueOn = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(dueInDays), CreatedAt = Now.AddDays(-20) });

    private static void Sent(SalesCoachBot.Persistence.SalesCoachDbContext db, Rep rep, string key, DateTimeOffset at) =>
        db.Outbox.Add(new OutboxMessage
        {
            Key = key, Kind = MessageKind.Nudge, RepId = rep.Id, Channel = ChatUser.Channel, Address = "{}",
            ReplyJson = OutboxWriter.Serialize(new Reply("earlier")), CreatedAt = at, NextAttemptAt = at, SentAt = at,
        });
}
