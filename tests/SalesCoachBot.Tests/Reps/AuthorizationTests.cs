using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Reps;

/// <summary>
/// Who may do what, whatever the channel: admin@ (SalesCoach:Admins), carol@ managing bob@ and dana@ managing erin@
/// (SalesTeams), bob@ a rep. Each command is tried by each role; an allowed change leaves one audit row.
/// </summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private const string Channel = "team-channel";
    private readonly TempDatabase database = new();
    private BotHarness bot = null!;

    public Task InitializeAsync() => StartAsync(managersEditTeams: true);

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        database.Dispose();
    }

    private static ChatUser Person(string name, bool inChannel = false) =>
        inChannel
            ? BotHarness.User(name, Channel) with { Email = $"{name}@example.com", IsPersonal = false }
            : BotHarness.User(name, $"{name}-1:1") with { Email = $"{name}@example.com" };

    public static TheoryData<string, string, string, string?> Matrix => new()
    {
        // Adding to a team
        { "admin", "add zoe@example.com to my team", "Your team: zoe@example.com.", "admin@example.com: added zoe@example.com to admin@example.com's team" },
        { "admin", "add erin@example.com to my team", "Your team: erin@example.com.", "admin@example.com: added erin@example.com to admin@example.com's team, moving them from dana@example.com's team" },
        { "carol", "add zoe@example.com to my team", "Your team: bob@example.com, zoe@example.com.", "carol@example.com: added zoe@example.com to carol@example.com's team" },
        { "carol", "add erin@example.com to my team", "erin@example.com is on dana@example.com's team; only an admin moves reps between teams.", null },
        { "carol", "add dana@example.com to my team", "dana@example.com is a manager; only an admin changes who manages whom.", null },
        { "bob", "add zoe@example.com to my team", "Only a manager can add reps to a team. Ask an admin to make you one.", null },
        { "bob", "add carol@example.com to my team", "Only a manager can add reps to a team. Ask an admin to make you one.", null },

        // Removing from a team
        { "admin", "remove bob@example.com from my team", "bob@example.com is not on your team.", null },
        { "carol", "remove bob@example.com from my team", "Your team is empty.", "carol@example.com: removed bob@example.com from carol@example.com's team" },
        { "carol", "remove erin@example.com from my team", "erin@example.com is not on your team.", null },
        { "bob", "remove bob@example.com from my team", "Only a manager can remove reps from a team. Ask an admin to make you one.", null },

        // Making and unmaking managers
        { "admin", "make zoe@example.com a manager", "zoe@example.com is now a manager", "admin@example.com: made zoe@example.com a manager" },
        { "admin", "make bob@example.com a manager", "bob@example.com is now a manager", "admin@example.com: made bob@example.com a manager, leaving carol@example.com's team" },
        { "admin", "make carol@example.com a manager", "carol@example.com is already a manager.", null },
        { "carol", "make zoe@example.com a manager", "Only an admin can make someone a manager.", null },
        { "bob", "make bob@example.com a manager", "Only an admin can make someone a manager.", null },
        { "admin", "carol@example.com is no longer a manager", "carol@example.com is no longer a manager. bob@example.com has no team now.", "admin@example.com: carol@example.com is no longer a manager; 1 rep(s) left without a team, 0 digest(s) stopped" },
        { "carol", "dana@example.com is no longer a manager", "Only an admin can take away someone's manager role.", null },
        { "bob", "carol@example.com is no longer a manager", "Only an admin can take away someone's manager role.", null },

        // Moving between teams
        { "admin", "move erin@example.com to carol@example.com's team", "Moved erin@example.com to carol@example.com's team.", "admin@example.com: moved erin@example.com from dana@example.com's team to carol@example.com's team" },
        { "admin", "move erin@example.com to bob@example.com's team", "bob@example.com is not a manager; first say \"make bob@example.com a manager\".", null },
        { "admin", "move dana@example.com to carol@example.com's team", "dana@example.com is a manager; first say \"dana@example.com is no longer a manager\".", null },
        { "carol", "move erin@example.com to carol@example.com's team", "Only an admin can move a rep between teams.", null },
        { "bob", "move bob@example.com to dana@example.com's team", "Only an admin can move a rep between teams.", null },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task TeamCommandsByRole(string who, string message, string reply, string? audited)
    {
        var before = await AuditCountAsync();
        await bot.Flow(Person(who)).Send(message).AssertReply(Contains(reply)).StartTestAsync();
        await AssertAuditedAsync(before, audited);
    }

    [Theory]
    [InlineData("admin", "I'll post the stalled-deal digest here every Friday at 16:00 (UTC).", "admin@example.com: posts admin@example.com's digest here every Friday at 16:00 (UTC)")]
    [InlineData("carol", "I'll post the stalled-deal digest here every Friday at 16:00 (UTC). It covers your team of 1.", "carol@example.com: posts carol@example.com's digest here every Friday at 16:00 (UTC)")]
    [InlineData("bob", "Only a manager can subscribe a channel to the digest. Ask an admin to make you one.", null)]
    public async Task SubscribingAChannelToTheDigest(string who, string reply, string? audited)
    {
        var before = await AuditCountAsync();
        await bot.Flow(Person(who, inChannel: true)).Send("post the digest here every friday at 4pm").AssertReply(Contains(reply)).StartTestAsync();
        await AssertAuditedAsync(before, audited);
    }

    [Theory]
    [InlineData("carol", "Stopped: no more digests in this conversation.", "carol@example.com: stopped carol@example.com's digest here")]
    [InlineData("admin", "Stopped: no more digests in this conversation.", "admin@example.com: stopped carol@example.com's digest here")]
    [InlineData("dana", "The digest here is carol@example.com's: only they or an admin can stop it.", null)]
    [InlineData("bob", "The digest here is carol@example.com's: only they or an admin can stop it.", null)]
    public async Task StoppingCarolsDigest(string who, string reply, string? audited)
    {
        await bot.Flow(Person("carol", inChannel: true)).Send("post the digest here every monday at 8").StartTestAsync();
        var before = await AuditCountAsync();
        await bot.Flow(Person(who, inChannel: true)).Send("stop the digest").AssertReply(Contains(reply)).StartTestAsync();
        await AssertAuditedAsync(before, audited);
        await using var db = bot.Database();
        Assert.Equal(audited is null, await db.DigestSubscriptions.AnyAsync());
    }

    [Fact]
    public async Task AnotherManagersDigestInTheSameChannelNeitherReplacesNorStopsIt()
    {
        await bot.Flow(Person("carol", inChannel: true)).Send("post the digest here every monday at 8").StartTestAsync();
        await bot.Flow(Person("dana", inChannel: true))
            .Send("post the digest here every friday at 4pm").AssertReply(Contains("every Friday at 16:00 (UTC). It covers your team of 1."))
            .Send("stop the digest").AssertReply(Contains("Stopped your digest; carol@example.com's still posts here."))
            .Send("stop the digest").AssertReply(Contains("The digest here is carol@example.com's: only they or an admin can stop it."))
            .StartTestAsync();

        await using var db = bot.Database();
        var carol = await db.Reps.SingleAsync(r => r.Email == "carol@example.com");
        var digest = await db.DigestSubscriptions.SingleAsync();
        Assert.Equal((carol.Id, DayOfWeek.Monday, 8), (digest.ManagerId, digest.Day, digest.Hour));
    }

    private static ChatUser InChannel(string name, string channel) =>
        BotHarness.User(name, channel) with { Email = $"{name}@example.com", IsPersonal = false };

    /// <summary>The whole reply is this one line.</summary>
    private static Action<SalesCoachBot.Replies.Reply> Says(string line) => reply =>
        Assert.Equal(line, SalesCoachBot.Replies.ReplyText.Render(reply).Trim());

    private async Task<string[]> DigestsAsync()
    {
        await using var db = bot.Database();
        return [.. (await db.DigestSubscriptions.Join(db.Reps, d => d.ManagerId, r => r.Id, (d, r) => new { r.Email, d.ConversationId, d.Day }).ToListAsync())
            .Select(d => $"{d.Email} {d.ConversationId} {d.Day}").Order()];
    }

    [Fact]
    public async Task AManagerWithSeveralDigestsNamesWhichToStop()
    {
        await bot.Flow(InChannel("carol", "team-channel")).Send("post the digest here every monday at 8").StartTestAsync();
        await bot.Flow(InChannel("carol", "sales-channel")).Send("post the digest here every friday at 4pm").StartTestAsync();
        var before = await AuditCountAsync();

        await bot.Flow(Person("carol"))
            .Send("stop the digest").AssertReply(Says("Your digests post on Monday at 08:00 in another conversation and on Friday at 16:00 in another conversation: name the day (\"stop the Monday digest\"), say it in that channel, or say \"stop all my digests\"."))
            .Send("stop the digest in #sales").AssertReply(Says("I can't tell which channel is #sales: say \"stop the digest\" in that channel, or name the day. Your digests: on Monday at 08:00 in another conversation and on Friday at 16:00 in another conversation."))
            .Send("stop the wednesday digest").AssertReply(Says("None of your digests posts on Wednesday: on Monday at 08:00 in another conversation and on Friday at 16:00 in another conversation."))
            .StartTestAsync();
        await AssertAuditedAsync(before, null);
        Assert.Equal(["carol@example.com sales-channel Friday", "carol@example.com team-channel Monday"], await DigestsAsync());

        await bot.Flow(Person("carol"))
            .Send("stop the friday digest").AssertReply(Says("Stopped the digest on Friday at 16:00 in another conversation. Still posting: on Monday at 08:00 in another conversation."))
            .StartTestAsync();
        await AssertAuditedAsync(before, "carol@example.com: stopped carol@example.com's digest in test:sales-channel (Friday 16:00)");
        Assert.Equal(["carol@example.com team-channel Monday"], await DigestsAsync());

        await bot.Flow(Person("carol")).Send("stop the digest").AssertReply(Says("Stopped the digest on Monday at 08:00 in another conversation.")).StartTestAsync();
        Assert.Empty(await DigestsAsync());
        await bot.Flow(Person("carol")).Send("stop the digest").AssertReply(Says("You have no digest to stop.")).StartTestAsync();
    }

    [Fact]
    public async Task AllOfAManagersDigestsStopWhenTheySaySo()
    {
        await bot.Flow(InChannel("carol", "team-channel")).Send("post the digest here every monday at 8").StartTestAsync();
        await bot.Flow(InChannel("carol", "sales-channel")).Send("post the digest here every monday at 9").StartTestAsync();

        await bot.Flow(Person("carol"))
            .Send("stop the monday digest").AssertReply(Contains("Your digests post on Monday at 08:00 in another conversation and on Monday at 09:00 in another conversation: name the day"))
            .Send("stop all my digests").AssertReply(Says("Stopped the digest on Monday at 08:00 in another conversation and on Monday at 09:00 in another conversation."))
            .StartTestAsync();

        Assert.Empty(await DigestsAsync());
    }

    [Theory]
    [InlineData("admin", "stop carol@example.com's monday digest", "Stopped the digest on Monday at 08:00 in another conversation. Still posting: on Friday at 16:00 in another conversation.", "admin@example.com: stopped carol@example.com's digest in test:team-channel (Monday 08:00)")]
    [InlineData("dana", "stop carol@example.com's monday digest", "Only carol@example.com or an admin can stop carol@example.com's digests.", null)]
    [InlineData("bob", "stop carol@example.com's digest", "Only carol@example.com or an admin can stop carol@example.com's digests.", null)]
    [InlineData("bob", "stop the digest", "You have no digest to stop.", null)]
    [InlineData("admin", "stop zoe@example.com's digest", "zoe@example.com has no digest to stop.", null)]
    [InlineData("admin", "stop dana@example.com's digest", "dana@example.com has no digest to stop.", null)]
    public async Task StoppingOneOfCarolsDigestsFromAnotherConversation(string who, string message, string reply, string? audited)
    {
        await bot.Flow(InChannel("carol", "team-channel")).Send("post the digest here every monday at 8").StartTestAsync();
        await bot.Flow(InChannel("carol", "sales-channel")).Send("post the digest here every friday at 4pm").StartTestAsync();
        var before = await AuditCountAsync();

        await bot.Flow(Person(who)).Send(message).AssertReply(Says(reply)).StartTestAsync();

        await AssertAuditedAsync(before, audited);
        Assert.Equal(audited is null ? 2 : 1, (await DigestsAsync()).Length);
    }

    [Theory]
    [InlineData("admin", "stop dana@example.com's digest", "Stopped dana@example.com's digest; carol@example.com's still posts here.", "carol@example.com team-channel Monday")]
    [InlineData("admin", "stop the friday digest", "Stopped dana@example.com's digest; carol@example.com's still posts here.", "carol@example.com team-channel Monday")]
    [InlineData("admin", "stop bob@example.com's digest", "bob@example.com has no digest here; carol@example.com and dana@example.com's do.", null)]
    [InlineData("carol", "stop the friday digest", "The digest here is dana@example.com's: only they or an admin can stop it.", null)]
    [InlineData("carol", "stop dana@example.com's digest", "The digest here is dana@example.com's: only they or an admin can stop it.", null)]
    [InlineData("carol", "stop the monday digest", "Stopped your digest; dana@example.com's still posts here.", "dana@example.com team-channel Friday")]
    [InlineData("carol", "stop the sunday digest", "No digest here posts on Sunday: carol@example.com's on Monday at 08:00 here and dana@example.com's on Friday at 16:00 here.", null)]
    [InlineData("bob", "stop the monday digest", "The digest here is carol@example.com's: only they or an admin can stop it.", null)]
    public async Task NamingOneOfSeveralManagersDigestsInTheirChannel(string who, string message, string reply, string? left)
    {
        await bot.Flow(InChannel("carol", "team-channel")).Send("post the digest here every monday at 8").StartTestAsync();
        await bot.Flow(InChannel("dana", "team-channel")).Send("post the digest here every friday at 4pm").StartTestAsync();

        await bot.Flow(InChannel(who, "team-channel")).Send(message).AssertReply(Says(reply)).StartTestAsync();

        Assert.Equal(left is null ? ["carol@example.com team-channel Monday", "dana@example.com team-channel Friday"] : [left], await DigestsAsync());
    }

    [Fact]
    public async Task ARepMadeAManagerInChatBuildsATeamAndLosesItWhenNoLongerOne()
    {
        await bot.Flow(Person("admin")).Send("make zoe@example.com a manager").StartTestAsync();
        await bot.Flow(Person("zoe"))
            .Send("add yuri@example.com to my team").AssertReply(Contains("Your team: yuri@example.com."))
            .StartTestAsync();
        await bot.Flow(Person("zoe", inChannel: true)).Send("post the digest here every monday at 8").AssertReply(Contains("It covers your team of 1.")).StartTestAsync();
        await bot.Flow(Person("admin")).Send("zoe@example.com is no longer a manager")
            .AssertReply(Contains("zoe@example.com is no longer a manager. yuri@example.com has no team now.")).StartTestAsync();
        await bot.Flow(Person("zoe")).Send("add yuri@example.com to my team")
            .AssertReply(Contains("Only a manager can add reps to a team. Ask an admin to make you one.")).StartTestAsync();

        await using var db = bot.Database();
        Assert.False(await db.DigestSubscriptions.AnyAsync());
    }

    [Fact]
    public async Task WithManagersEditTeamsOffOnlyAnAdminChangesTeams()
    {
        await bot.DisposeAsync();
        await StartAsync(managersEditTeams: false);

        await bot.Flow(Person("carol"))
            .Send("add zoe@example.com to my team").AssertReply(Contains("Only an admin can change teams here."))
            .Send("remove bob@example.com from my team").AssertReply(Contains("Only an admin can change teams here."))
            .Send("my team").AssertReply(Contains("Your team: bob@example.com."))
            .StartTestAsync();
        await bot.Flow(Person("admin")).Send("move zoe@example.com to carol@example.com's team").AssertReply(Contains("Moved zoe@example.com to carol@example.com's team.")).StartTestAsync();
    }

    [Fact]
    public async Task TheAuditCommandListsChangesNewestFirstOneLineEach()
    {
        bot.Clock.Advance(TimeSpan.FromDays(1));
        await bot.Flow(Person("admin")).Send("make zoe@example.com a manager").StartTestAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.Flow(Person("zoe")).Send("add yuri@example.com to my team").StartTestAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.Flow(Person("carol", inChannel: true)).Send("post the digest here every monday at 8").StartTestAsync();

        Assert.Equal(
            [
                "2026-03-03 09:10Z  carol@example.com  test:team-channel  posts carol@example.com's digest here every Monday at 08:00 (UTC)",
                "2026-03-03 09:05Z  zoe@example.com  test:zoe-1:1  added yuri@example.com to zoe@example.com's team",
                "2026-03-03 09:00Z  admin@example.com  test:admin-1:1  made zoe@example.com a manager",
            ],
            await AuditAsync("--since", "2026-03-03"));
        var everything = await AuditAsync();
        Assert.Equal(3 + 4, everything.Length);
        Assert.Equal("2026-03-02 09:00Z  SalesTeams setting  configuration  made carol@example.com a manager", everything[^1]);
        Assert.Equal(["Nothing audited since 2026-04-01."], await AuditAsync("--since", "2026-04-01"));
    }

    private async Task StartAsync(bool managersEditTeams) => bot = await BotHarness.StartAsync(database.ConnectionString, settings: new Dictionary<string, string?>
    {
        ["SalesCoach:Admins:0"] = "Admin@Example.com",
        ["SalesCoach:ManagersEditTeams"] = managersEditTeams.ToString(),
        ["SalesTeams:0:Manager"] = "carol@example.com",
        ["SalesTeams:0:Reps:0"] = "bob@example.com",
        ["SalesTeams:1:Manager"] = "dana@example.com",
        ["SalesTeams:1:Reps:0"] = "erin@example.com",
    });

    private async Task<int> AuditCountAsync()
    {
        await using var db = bot.Database();
        return await db.Audit.CountAsync();
    }

    private async Task AssertAuditedAsync(int before, string? expected)
    {
        await using var db = bot.Database();
        var added = await db.Audit.Where(e => e.Id > before).OrderBy(e => e.Id).Select(e => e.Actor + ": " + e.Change).ToListAsync();
        Assert.Equal(expected is null ? [] : [expected], added);
    }

    private async Task<string[]> AuditAsync(params string[] args)
    {
        var connectionString = bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        Assert.Equal(0, await AuditCommand.RunAsync(args, output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString));
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
