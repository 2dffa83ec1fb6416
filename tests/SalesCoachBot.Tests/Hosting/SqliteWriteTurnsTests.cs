using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Queues;

namespace SalesCoachBot.Tests.Hosting;

public sealed class SqliteWriteTurnsTests : TeamsHostTest
{
    private IDbContextFactory<SalesCoachDbContext> Contexts => Factory.Services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>();

    [Fact]
    public async Task AWriterWaitingForAnOpenTransactionHoldsNoThreadAndWritesOnceItCommits()
    {
        await using var first = await Contexts.CreateDbContextAsync();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Inbox.Add(Message("first"));
        await first.SaveChangesAsync();

        await using var second = await Contexts.CreateDbContextAsync();
        second.Inbox.Add(Message("second"));
        // Waiting inside SQLite would block this thread here, and fail once its busy timeout ran out.
        var pending = second.SaveChangesAsync();
        Assert.False(pending.IsCompleted);

        await transaction.CommitAsync();
        Assert.Equal(1, await pending.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var check = await Contexts.CreateDbContextAsync();
        Assert.Equal(["first", "second"], await check.Inbox.OrderBy(m => m.Id).Select(m => m.DeliveryId).ToListAsync());
    }

    [Fact]
    public async Task ATransactionDisposedWithoutACommitGivesTheNextWriterItsTurnAtOnce()
    {
        await using var first = await Contexts.CreateDbContextAsync();
        var transaction = await first.Database.BeginTransactionAsync();
        first.Inbox.Add(Message("rolled back"));
        await first.SaveChangesAsync();

        await using var second = await Contexts.CreateDbContextAsync();
        second.Inbox.Add(Message("kept"));
        var pending = second.SaveChangesAsync();
        await transaction.DisposeAsync(); // an exception left the transaction unfinished

        // Well inside the few seconds after which a turn not given back stops being waited for.
        Assert.Equal(1, await pending.WaitAsync(TimeSpan.FromSeconds(2)));
        await using var check = await Contexts.CreateDbContextAsync();
        Assert.Equal(["kept"], await check.Inbox.Select(m => m.DeliveryId).ToListAsync());
    }

    [Fact]
    public async Task ReadsDoNotWaitForAWriter()
    {
        await using var writer = await Contexts.CreateDbContextAsync();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        writer.Inbox.Add(Message("uncommitted"));
        await writer.SaveChangesAsync();

        await using var reader = await Contexts.CreateDbContextAsync();
        var count = reader.Inbox.CountAsync();
        Assert.True(count.IsCompleted);
        Assert.Equal(0, await count);
    }

    private static InboxMessage Message(string deliveryId) =>
        new() { DeliveryId = deliveryId, Channel = "test", Lane = "test/lane", Payload = "{}", ReceivedAt = DateTimeOffset.UnixEpoch };
}
