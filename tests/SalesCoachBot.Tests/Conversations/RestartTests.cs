using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>A question asked by one bot process is answered in the next one, on the same database.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task AnOpenConfirmationIsAnsweredAfterARestart()
    {
        await AskToLogAsync();

        await using var restarted = await RestartedAsync();
        await restarted.Flow().Send("Confirm").AssertReply(Contains("Logged: call on Acme Corp")).StartTestAsync();

        await using var db = restarted.Database();
        Assert.Single(await db.Interactions.ToListAsync());
    }

    [Fact]
    public async Task AnOpenConfirmationIsCancelledAfterARestart()
    {
        await AskToLogAsync();

        await using var restarted = await RestartedAsync();
        await restarted.Flow().Send("cancel").AssertReply(Contains("OK, cancelled. Nothing was saved.")).StartTestAsync();
    }

    public void Dispose() => database.Dispose();

    private async Task AskToLogAsync()
    {
        await using var first = await BotHarness.StartAsync(database.ConnectionString);
        await first.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .StartTestAsync();
    }

    private Task<BotHarness> RestartedAsync() =>
        BotHarness.StartAsync(database.ConnectionString, new FakeTimeProvider(BotHarness.Start.AddMinutes(5)));
}
