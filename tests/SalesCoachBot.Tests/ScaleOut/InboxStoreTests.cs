using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.ScaleOut;

/// <summary>Deliveries arriving together are stored once each, whichever host stored one first, on either store.</summary>
public class InboxStoreTests : BotTest
{
    [StoreFact]
    public async Task ABurstStoresItsNewDeliveriesOnceAndRefusesOnesAlreadyStoredOrRepeated()
    {
        var inbox = Bot.Host.Services.GetRequiredService<Inbox>();
        await using (var otherHost = Bot.Database())
        {
            // Another host stored Ev3 a moment before this one's burst.
            otherHost.Inbox.Add(new InboxMessage { DeliveryId = "slack:Ev3", Channel = "slack", Lane = "slack:D0REP3/U0REP3", Payload = "{}", ReceivedAt = Bot.Clock.GetUtcNow() });
            await otherHost.SaveChangesAsync();
        }

        var deliveries = Enumerable.Range(0, 30).Select(i => $"slack:Ev{i}").Append("slack:Ev7").ToList();
        var stored = await Task.WhenAll(deliveries.Select(id => inbox.TryAcceptAsync("slack", id, $"slack:D0REP/{id}", $"{{\"id\":\"{id}\"}}", CancellationToken.None)));

        Assert.Equal(29, stored.Count(s => s)); // not Ev3, and Ev7 once
        Assert.False(stored[^1]);
        Assert.False(stored[3]);
        Assert.False(await inbox.TryAcceptAsync("slack", "slack:Ev12", "slack:D0REP/slack:Ev12", "{}", CancellationToken.None));
        await using var db = Bot.Database();
        var rows = await db.Inbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(30, rows.Count);
        Assert.Equal(30, rows.Select(m => m.DeliveryId).Distinct().Count());
        var ev12 = rows.Single(m => m.DeliveryId == "slack:Ev12");
        Assert.Equal(("slack", "slack:D0REP/slack:Ev12", "{\"id\":\"slack:Ev12\"}", Bot.Clock.GetUtcNow(), 0),
            (ev12.Channel, ev12.Lane, ev12.Payload, ev12.ReceivedAt, ev12.Attempts));
        Assert.Null(ev12.DoneAt);
    }
}

public sealed class InboxStoreTestsOnPostgres : InboxStoreTests, IOnPostgres;
