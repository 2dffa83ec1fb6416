using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Persistence;

public sealed class DatabaseStorageTests : BotTest
{
    private IStorage Storage => Bot.Host.Services.GetRequiredService<IStorage>();

    [Fact]
    public async Task WhatIsWrittenIsReadBackWithItsTypes()
    {
        var move = new StageMove(7, 9, DealStage.Proposal, DealStage.Won, BotHarness.Start, null);
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object> { ["move"] = move, ["n"] = 3L } });

        var read = (IDictionary<string, object>)(await Storage.ReadAsync(["k", "absent"]))["k"];

        Assert.Equal(move, read["move"]);
        Assert.Equal(3L, read["n"]);
    }

    [Fact]
    public async Task AStaleETagIsRefusedAndTheNewerValueKept()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Value = "first" } });
        var copyA = (Item)(await Storage.ReadAsync(["k"]))["k"];
        var copyB = (Item)(await Storage.ReadAsync(["k"]))["k"];

        copyA.Value = "from A";
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = copyA });
        copyB.Value = "from B";
        await Assert.ThrowsAsync<InvalidOperationException>(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = copyB }));

        Assert.Equal("from A", ((Item)(await Storage.ReadAsync(["k"]))["k"]).Value);
    }

    [Fact]
    public async Task DeleteRemovesOnlyTheNamedKeys()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Item { Value = "1" }, ["b"] = new Item { Value = "2" } });

        await Storage.DeleteAsync(["a"]);

        Assert.Equal(["b"], (await Storage.ReadAsync(["a", "b"])).Keys);
    }

    [Fact]
    public async Task StateThatCannotBeReadStartsAfreshInsteadOfFailingEveryTurn()
    {
        await using (var db = Bot.Database())
        {
            db.BotState.Add(new SalesCoachBot.Persistence.BotStateEntry { Key = "k", Json = "{\"$type\":\"No.Such.Type, SalesCoachBot.Core\"}", ETag = "1" });
            await db.SaveChangesAsync();
        }

        Assert.Empty(await Storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task ADeliveryIsClaimedOnceAndForgottenWhenOld()
    {
        var deliveries = Bot.Host.Services.GetRequiredService<SalesCoachBot.Persistence.DeliveryLog>();

        Assert.True(await deliveries.TryClaimAsync("slack:Ev1", CancellationToken.None));
        Assert.False(await deliveries.TryClaimAsync("slack:Ev1", CancellationToken.None));
        Bot.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await deliveries.PurgeAsync(TimeSpan.FromDays(2), CancellationToken.None));
        Assert.True(await deliveries.TryClaimAsync("slack:Ev1", CancellationToken.None));
    }

    public sealed class Item : IStoreItem
    {
        public string? Value { get; set; }
        public string? ETag { get; set; }
    }
}
