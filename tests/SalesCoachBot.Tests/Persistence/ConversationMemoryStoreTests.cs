using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.Persistence;

public class ConversationMemoryStoreTests : BotTest
{
    private ConversationMemoryStore Store => Bot.Host.Services.GetRequiredService<ConversationMemoryStore>();

    private static ConversationMemory Sample() => new()
    {
        Changes =
        [
            new UndoableChange.Deleted(3, "Globex"),
            new UndoableChange.Moved(new StageMove(7, 9, DealStage.Proposal, DealStage.Won, BotHarness.Start, null) { PreviousCloseReason = "price" }),
            new UndoableChange.Edited(7, "Acme", "Acme", 45_000.5m, "USD", new DateOnly(2026, 3, 31), "amount $40,000 → $45,000"),
        ],
        Dialogs = new DialogStack
        {
            Frames =
            [
                new DialogFrame
                {
                    DialogId = "close-reason", Step = 1, Values = { ["dealId"] = "7" }, LastActiveAt = BotHarness.Start,
                    Prompt = new Prompt(PromptKind.Choice, "reason", new Reply("Why was it lost?") { Buttons = [new("Price", "price")] }, "Pick one") { Choices = ["price"], TakesWords = true },
                },
            ],
        },
        Clarification = new Clarification { Text = "the acme thing", Choices = [new ClarificationChoice { Label = "show-deal", Title = "Show a deal" }] },
        LastButtons = ["price"],
    };

    [StoreFact]
    public async Task WhatIsWrittenIsReadBackWithItsTypesAndNoTypeNamesInTheData()
    {
        await Store.SaveAsync("k", new ConversationMemoryStore.Stored(Sample(), null), CancellationToken.None);

        var read = (await Store.LoadAsync("k", CancellationToken.None)).Memory;

        Assert.Equal(MemoryJson.Write(Sample()), MemoryJson.Write(read));
        Assert.IsType<UndoableChange.Deleted>(read.Changes[0]);
        Assert.Equal("price", Assert.IsType<UndoableChange.Moved>(read.Changes[1]).Move.PreviousCloseReason);
        Assert.Equal("Price", read.Dialogs.Active!.Prompt!.Question.Buttons[0].Title);
        await using var db = Bot.Database();
        var json = (await db.BotState.SingleAsync()).Json;
        Assert.DoesNotContain("$type", json);
        Assert.Contains("\"kind\":\"moved\"", json);
    }

    [StoreFact]
    public async Task AMemoryStoredByAnEarlierVersionWithTypeNamesIsReadAndRewritten()
    {
        // What earlier versions wrote: Bot Framework state, every object naming its .NET type.
        var legacy = JsonConvert.SerializeObject(new Dictionary<string, object> { ["memory"] = Sample() },
            new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Objects });
        Assert.Contains("UndoableChange+Moved, SalesCoachBot.Core", legacy);
        await using (var db = Bot.Database())
        {
            db.BotState.Add(new BotStateEntry { Key = "msteams/conversations/a:1/users/29:1", Json = legacy, ETag = "1" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(MemoryJson.Write(Sample()), MemoryJson.Write((await Store.LoadAsync("msteams/conversations/a:1/users/29:1", CancellationToken.None)).Memory));
        Assert.Equal(1, await Store.UpgradeStoredAsync(CancellationToken.None));
        await using var after = Bot.Database();
        Assert.Equal(MemoryJson.Write(Sample()), (await after.BotState.SingleAsync()).Json);
    }

    [StoreFact]
    public async Task AnUnchangedMemoryIsNotWrittenAgain()
    {
        await Store.SaveAsync("k", new ConversationMemoryStore.Stored(Sample(), null), CancellationToken.None);
        var stored = await Store.LoadAsync("k", CancellationToken.None);
        Bot.Clock.Advance(TimeSpan.FromMinutes(5));

        await Store.SaveAsync("k", stored, CancellationToken.None);
        await using (var db = Bot.Database())
            Assert.Equal(BotHarness.Start, (await db.BotState.SingleAsync()).UpdatedAt);

        stored.Memory.LastButtons.Clear();
        await Store.SaveAsync("k", stored, CancellationToken.None);
        await using var after = Bot.Database();
        Assert.Equal(BotHarness.Start.AddMinutes(5), (await after.BotState.SingleAsync()).UpdatedAt);
    }

    [StoreFact]
    public async Task MemoryThatCannotBeReadStartsAfreshInsteadOfFailingEveryTurn()
    {
        await using (var db = Bot.Database())
        {
            db.BotState.Add(new BotStateEntry { Key = "k", Json = "{\"Changes\":[{\"kind\":\"no-such-change\"}]}", ETag = "1" });
            db.BotState.Add(new BotStateEntry { Key = "k2", Json = "not json", ETag = "1" });
            await db.SaveChangesAsync();
        }

        Assert.Empty((await Store.LoadAsync("k", CancellationToken.None)).Memory.Changes);
        Assert.Empty((await Store.LoadAsync("k2", CancellationToken.None)).Memory.Changes);
    }

    [StoreFact]
    public async Task ADeliveryIsClaimedOnceAndForgottenWhenOld()
    {
        var deliveries = Bot.Host.Services.GetRequiredService<Inbox>();

        Assert.True(await deliveries.TryClaimAsync("msteams", "msteams:a:message:1", CancellationToken.None));
        Assert.False(await deliveries.TryClaimAsync("msteams", "msteams:a:message:1", CancellationToken.None));
        Assert.Null(await deliveries.ClaimNextAsync([], CancellationToken.None)); // a claim is not a turn to run
        Bot.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await deliveries.PurgeAsync(TimeSpan.FromDays(2), CancellationToken.None));
        Assert.True(await deliveries.TryClaimAsync("msteams", "msteams:a:message:1", CancellationToken.None));
    }
}
