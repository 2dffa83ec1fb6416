using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>A name that looks like "Acme Corp" is stored as "Acme Corp": composed, without zero-width or bidi controls.</summary>
public sealed class InvisibleCharacterTests : BotTest
{
    [Theory]
    [InlineData("Acme\u200B Corp")]
    [InlineData("\u202EAcme Corp\u202C")]
    [InlineData("\u2066Acme\u200D Corp\u2069\uFEFF")]
    public async Task ANameFromChatIsStoredWithoutInvisibleCharacters(string typed)
    {
        await Bot.Flow()
            .Send($"new deal {typed} $5,000").AssertReply(Contains("New deal"))
            .Send("new deal Acme Corp").AssertReply(Contains("You already have an open deal called Acme Corp"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal("Acme Corp", (await db.Deals.SingleAsync()).Name);
    }

    [Fact]
    public async Task ARenameIsStoredComposedAndWithoutInvisibleCharacters()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("rename acme to Cafe\u0301\u200F Rouge").AssertReply(Contains("name Acme Corp"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal("Caf\u00E9 Rouge", (await db.Deals.SingleAsync()).Name);
    }

    [Fact]
    public void CleaningKeepsVisibleTextAndLineBreaks() =>
        Assert.Equal("The \"Big\" One\nBranch", NameText.Clean("The \"Big\"\u200B One\nBranch\u200E"));
}
