using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Cli;
using SalesCoachBot.Conversations;
using SalesCoachBot.Reps;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Reps;

/// <summary>A rep sees which channel accounts are theirs; an admin unlinks one that was joined to them by mistake, audited.</summary>
public sealed class AccountsTests : BotTest
{
    private static readonly ChatUser Alice = BotHarness.User("alice-1") with { Email = "alice@example.com" };

    [Fact]
    public async Task ARepSeesTheirAccountsAndAnUnlinkedOneBecomesARepOfItsOwn()
    {
        await Bot.Flow(Alice).Send("new deal Globex Renewal $45,000").AssertReply(Contains("New deal")).StartTestAsync();
        await Bot.Flow(BotHarness.User("alice-2", "other") with { Email = "alice@example.com" }).Send("help").AssertReply(Contains("Here is what")).StartTestAsync();
        await using (var db = Bot.Database())
        {
            // As an account claiming Alice's address was joined to her before only verified addresses counted.
            var alice = await db.Reps.SingleAsync();
            db.RepAccounts.Add(new RepAccount { RepId = alice.Id, Channel = "webchat", AccountId = "mallory" });
            await db.SaveChangesAsync();
        }

        await Bot.Flow(Alice).Send("which accounts are linked to me?")
            .AssertReply(Contains("Your accounts (3), all one rep (alice@example.com)", "test alice-1", "test alice-2", "webchat mallory", "unlink"))
            .StartTestAsync();

        Assert.Equal((0, "Unlinked webchat account mallory from alice@example.com."), await UnlinkAsync("webchat", "mallory"));
        Assert.Equal((1, "No webchat account mallory belongs to a rep; nothing changed."), await UnlinkAsync("webchat", "mallory"));

        var mallory = await Bot.Host.Services.GetRequiredService<ChatTurns>().RespondAsync(new ChannelIdentity("webchat", "mallory", "Mallory"), "my deals",
            new ConversationPlace("webchat", "mallory-chat", true, "{}", "mallory"), CancellationToken.None);
        Assert.DoesNotContain("Globex", ReplyText.Render(mallory));
        await Bot.Flow(Alice).Send("my accounts").AssertReply(Contains("Your accounts (2)")).StartTestAsync();
        await using var check = Bot.Database();
        var entry = await check.Audit.SingleAsync();
        Assert.Equal(("unlink (command line)", "unlinked webchat account mallory from alice@example.com"), (entry.Actor, entry.Change));
    }

    private async Task<(int, string)> UnlinkAsync(params string[] args)
    {
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        var exitCode = await UnlinkCommand.RunAsync(args, output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);
        return (exitCode, output.ToString().Trim());
    }
}
