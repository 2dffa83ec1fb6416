using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Content;
using SalesCoachBot.Languages;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Tests.Escalations;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Languages;

/// <summary>
/// What the bot sends on its own speaks each reader's language: Bob set Indonesian, Alice did not.
/// Start: Monday 2 March 2026, 09:00 UTC; Prospecting stalls after 14 idle days.
/// </summary>
public sealed class IndonesianProactiveTests : BotTest
{
    private static readonly ChatUser Alice = BotHarness.User("alice") with { Email = "alice@example.com" };
    private static readonly Phrasing English = TestContent.Shipped.Phrasing;
    private static readonly Phrasing Indonesian = TestContent.Shipped.Phrasing.In(Language.Indonesian);

    private Task<int> RunTeamAsync() => Bot.RunAsync(async _ =>
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TeamRuns>().RunAsync(CancellationToken.None);
    });

    private Reply To(string rep, MessageKind kind) => Bot.Outbox().Single(o => o.Message.Kind == kind && o.Message.Address.Contains(rep)).Reply;

    private async Task SpeaksIndonesianAsync(ChatUser user)
    {
        await using var db = Bot.Database();
        await db.Reps.Where(r => r.Email == user.Email).ExecuteUpdateAsync(s => s.SetProperty(r => r.Language, Language.Indonesian));
    }

    private async Task DealsAsync(ChatUser user, params string[] deals)
    {
        var flow = Bot.Flow(user);
        foreach (var deal in deals)
            flow = flow.Send($"new deal {deal}").AssertReply(_ => { });
        await flow.StartTestAsync();
    }

    [Fact]
    public async Task AStalledDealIsNudgedInTheRepsLanguage()
    {
        await DealsAsync(EscalationTests.Bob, "Acme Corp $45,000");
        await DealsAsync(Alice, "Globex $10,000");
        await SpeaksIndonesianAsync(EscalationTests.Bob);
        Bot.Clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(2, await Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None)));

        var bob = To("bob", MessageKind.Nudge);
        Assert.Equal("Acme Corp lagi sepi", bob.Title);
        Assert.Equal("Acme Corp sudah 15 hari diam di tahap Prospek; deal di tahap ini dianggap macet setelah 14 hari. Belum ada langkah berikutnya yang dijadwalkan.", bob.Text);
        Assert.Equal([("Tahap", "Prospek"), ("Macet setelah", "14 hari (bawaan dari dialogs/stages.yaml)"), ("Nilai", "USD 45.000")], bob.Facts.Select(f => (f.Label, f.Value)));
        Assert.StartsWith("Langkah terbaik berikutnya", bob.Notes.Single(), StringComparison.Ordinal);
        Assert.Equal(["Catat aktivitas", "Tunda 3 hari", "Tunda 1 minggu", "Tandai kalah", "Tips tahap ini"], bob.Buttons.Select(b => b.Title));
        Assert.Equal("snooze Acme Corp 3 days", bob.Buttons[1].Message); // what a button sends the bot reads in any language

        var alice = To("alice", MessageKind.Nudge);
        Assert.Equal(("Globex has gone quiet", "Globex has been idle in Prospecting for 15 days; deals there count as stalled after 14 days. No next step is scheduled."), (alice.Title, alice.Text));
        Assert.Equal([("Stage", "Prospecting"), ("Stalls after", "14 days (default from dialogs/stages.yaml)"), ("Amount", "$10,000")], alice.Facts.Select(f => (f.Label, f.Value)));
    }

    [Fact]
    public async Task TheNudgeSummaryIsInTheRepsLanguage()
    {
        await DealsAsync(EscalationTests.Bob, "Acme Rp 60jt", "Globex Rp 60jt", "Initech Rp 60jt", "Hooli Rp 60jt", "Stark Rp 60jt");
        await DealsAsync(Alice, "Wayne", "Umbrella", "Cyberdyne", "Tyrell", "Soylent");
        await SpeaksIndonesianAsync(EscalationTests.Bob);
        Bot.Clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(6, await Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None)));

        var bob = To("bob", MessageKind.NudgeSummary);
        Assert.Equal(("Deal macet lainnya", "3 deal lagi mulai sepi. Pilih satu untuk digerakkan hari ini:"), (bob.Title, bob.Text));
        Assert.All(bob.Facts, f => Assert.Equal("Prospek · 15 hari diam · Rp 60.000.000", f.Value));
        Assert.Equal(["Deal macet", "Pipeline saya"], bob.Buttons.Select(b => b.Title));

        var alice = To("alice", MessageKind.NudgeSummary);
        Assert.Equal(("More stalled deals", "3 more deals have gone quiet. Pick one to move today:"), (alice.Title, alice.Text));
        Assert.All(alice.Facts, f => Assert.Equal("Prospecting · 15 days idle", f.Value));
        Assert.Equal(["Stalled deals", "My pipeline"], alice.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task AFollowUpReminderIsInTheRepsLanguage()
    {
        foreach (var user in new[] { EscalationTests.Bob, Alice })
            await Bot.Flow(user)
                .Send("new deal Acme Corp").AssertReply(_ => { })
                .Send("called acme today, demo next Tuesday 3pm").AssertReply(_ => { })
                .Send("confirm").AssertReply(_ => { })
                .StartTestAsync();
        await SpeaksIndonesianAsync(EscalationTests.Bob);
        Bot.Clock.Advance(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero) - Bot.Clock.GetUtcNow());

        Assert.Equal(2, await Bot.RunAsync(r => r.RemindersAsync(null, CancellationToken.None)));

        var bob = To("bob", MessageKind.Reminder);
        Assert.Equal(("Pengingat follow-up", "Langkah berikutnya hari ini untuk Acme Corp: Demo next Tuesday 3pm"), (bob.Title, bob.Text));
        Assert.Equal([("Kapan", "hari ini, pukul 15.00")], bob.Facts.Select(f => (f.Label, f.Value)));
        Assert.Equal(["Catat", "Tunda 3 hari"], bob.Buttons.Select(b => b.Title));

        var alice = To("alice", MessageKind.Reminder);
        Assert.Equal(("Follow-up reminder", "Today's next step on Acme Corp: Demo next Tuesday 3pm"), (alice.Title, alice.Text));
        Assert.Equal([("When", "today, 15:00")], alice.Facts.Select(f => (f.Label, f.Value)));
    }

    // Carol manages Bob; Acme Corp is nudged on day 15 and escalated on day 29, a Tuesday.
    private async Task EscalateAsync(ChatUser speaksIndonesian)
    {
        await Bot.Flow(EscalationTests.Carol).Send("my deals").AssertReply(_ => { }).StartTestAsync();
        await Bot.Flow(EscalationTests.Bob)
            .Send("new deal Acme Corp $45,000").AssertReply(_ => { })
            .Send("called acme, they need a week to think").AssertReply(_ => { })
            .Send("confirm").AssertReply(_ => { })
            .StartTestAsync();
        await EscalationTests.MakeTeamAsync(Bot);
        await SpeaksIndonesianAsync(speaksIndonesian);
        Bot.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await Bot.RunAsync(r => r.NudgesAsync(CancellationToken.None)));
        await using (var db = Bot.Database())
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, Bot.Clock.GetUtcNow()));
        Bot.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(2, await RunTeamAsync());
    }

    [Fact]
    public async Task AnIndonesianManagerGetsTheEscalationInIndonesianAndTheRepTheNoticeInEnglish()
    {
        await EscalateAsync(EscalationTests.Carol);

        var manager = To("carol", MessageKind.Escalation);
        Assert.Equal(("Eskalasi: Acme Corp", "Acme Corp (milik bob) sudah 29 hari tanpa kabar. Satu sapaan dari Anda bisa menggerakkannya."), (manager.Title, manager.Text));
        var facts = manager.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("bob (bob@example.com)", facts["Sales"]);
        Assert.Equal("USD 45.000", facts["Nilai"]);
        Assert.Equal("Prospek (macet setelah 14 hari, bawaan dari dialogs/stages.yaml)", facts["Tahap"]);
        Assert.Equal("29 hari", facts["Diam"]);
        Assert.StartsWith("telepon pada Sen, 2 Mar: ", facts["Aktivitas terakhir"], StringComparison.Ordinal);
        Assert.Equal("1: Sel, 17 Mar", facts["Nudge terkirim"]);
        Assert.Equal(["Pipeline tim", "Bagaimana kabar bob?"], manager.Buttons.Select(b => b.Title));

        var notice = To("bob", MessageKind.Escalation);
        Assert.Equal(("Acme Corp was escalated", "Acme Corp has been idle for 29 days, over 2 times what Prospecting allows (14 days), so I told carol."), (notice.Title, notice.Text));
    }

    [Fact]
    public async Task AnIndonesianRepGetsTheNoticeInIndonesianAndTheManagerTheEscalationInEnglish()
    {
        await EscalateAsync(EscalationTests.Bob);

        var notice = To("bob", MessageKind.Escalation);
        Assert.Equal(("Acme Corp dieskalasi", "Acme Corp sudah 29 hari diam, lebih dari 2 kali batas tahap Prospek (14 hari), jadi saya kabari carol."), (notice.Title, notice.Text));
        Assert.Equal(["Catat aktivitas", "Tunda 1 minggu", "Tandai kalah"], notice.Buttons.Select(b => b.Title));

        var manager = To("carol", MessageKind.Escalation);
        Assert.Equal("Escalation: Acme Corp", manager.Title);
        Assert.Equal(["Rep", "Amount", "Stage", "Idle", "Last activity", "Nudges sent"], manager.Facts.Select(f => f.Label));
    }

    [Fact]
    public async Task TheWeeklyCheckInIsInTheRepsLanguageFromGoalsIdYaml()
    {
        await Bot.Flow(EscalationTests.Bob).Send("my deals").AssertReply(_ => { }).StartTestAsync();
        await Bot.Flow(Alice).Send("my deals").AssertReply(_ => { }).StartTestAsync();
        await SpeaksIndonesianAsync(EscalationTests.Bob);
        Bot.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(2, await Bot.RunAsync(r => r.CheckInsAsync(CancellationToken.None)));

        var bob = To("bob", MessageKind.CheckIn);
        Assert.Equal("Minggu Anda", bob.Title);
        Assert.Contains(bob.Text, Indonesian.CheckIns["roughWeek"]);
        Assert.Equal([("Minggu lalu", "0 kontak tercatat, 0 menang, 0 kalah")], bob.Facts.Select(f => (f.Label, f.Value)));
        Assert.Contains(bob.Notes, n => Indonesian.NoGoal.Contains(n));
        Assert.Contains(bob.Notes, n => Indonesian.CheckIns["motivation"].Contains(n));
        Assert.Equal(Indonesian.GoalSuggestions, bob.Buttons.Select(b => b.Title));
        Assert.Equal(English.GoalSuggestions.Select(s => $"my goal: {s}"), bob.Buttons.Select(b => b.Message)); // a goal the bot reads

        var alice = To("alice", MessageKind.CheckIn);
        Assert.Equal("Your week", alice.Title);
        Assert.Contains(alice.Text, English.CheckIns["roughWeek"]);
        Assert.Equal([("Last week", "0 logged touch points, 0 won, 0 lost")], alice.Facts.Select(f => (f.Label, f.Value)));
        Assert.Equal(English.GoalSuggestions, alice.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task AfterSaleCheckInsAreInTheRepsLanguage()
    {
        foreach (var user in new[] { EscalationTests.Bob, Alice })
            await Bot.Flow(user)
                .Send("new deal Acme Corp $45,000").AssertReply(_ => { })
                .Send("move acme to won").AssertReply(_ => { })
                .Send("skip").AssertReply(_ => { })
                .StartTestAsync();
        await SpeaksIndonesianAsync(EscalationTests.Bob);
        Bot.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(2, await RunTeamAsync());

        var bob = To("bob", MessageKind.AfterSale);
        Assert.Equal("Sebulan sejak Anda closing Acme Corp", bob.Title);
        Assert.StartsWith("Cek kabar Acme Corp:", bob.Text, StringComparison.Ordinal);
        Assert.Equal(["Catat telepon", "Deal baru"], bob.Buttons.Select(b => b.Title));

        var alice = To("alice", MessageKind.AfterSale);
        Assert.Equal("A month since you won Acme Corp", alice.Title);
        Assert.Equal(["Log a call", "New deal"], alice.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task TheDigestIsInTheLanguageItsManagerSet()
    {
        await Bot.Flow(EscalationTests.Carol).Send("my deals").AssertReply(_ => { }).StartTestAsync();
        await DealsAsync(EscalationTests.Bob, "Acme Corp Rp 60jt", "Globex $10,000");
        await EscalationTests.MakeTeamAsync(Bot);
        await SpeaksIndonesianAsync(EscalationTests.Carol);
        Bot.Clock.Advance(TimeSpan.FromDays(15));

        var indonesian = await DigestAsync();
        Assert.Equal(("Ringkasan deal macet", "2 deal macet dari 1 sales, Rp 60.000.000 + USD 10.000 berisiko."), (indonesian.Title, indonesian.Text));
        Assert.Equal(("bob", "Acme Corp (Prospek, 15 hari diam, Rp 60.000.000); Globex (Prospek, 15 hari diam, USD 10.000)"), (indonesian.Facts.Single().Label, indonesian.Facts.Single().Value));
        Assert.StartsWith("Minggu ini: ", indonesian.Notes[0], StringComparison.Ordinal);
        Assert.Equal("Macet berarti diam lebih lama dari batas bawaan tiap tahap di dialogs/stages.yaml.", indonesian.Notes[1]);

        await using (var db = Bot.Database())
            await db.Reps.Where(r => r.Email == EscalationTests.Carol.Email).ExecuteUpdateAsync(s => s.SetProperty(r => r.Language, (Language?)null));
        var english = await DigestAsync();
        Assert.Equal(("Stalled-deal digest", "2 stalled deals across 1 rep, 60,000,000 IDR + $10,000 at risk."), (english.Title, english.Text));
        Assert.Equal("Acme Corp (Prospecting, 15 days idle, 60,000,000 IDR); Globex (Prospecting, 15 days idle, $10,000)", english.Facts.Single().Value);
        Assert.StartsWith("This week: win rate", english.Notes[0], StringComparison.Ordinal);
    }

    private async Task<Reply> DigestAsync()
    {
        await using var scope = Bot.Host.Services.CreateAsyncScope();
        var carol = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Persistence.SalesCoachDbContext>().Reps.SingleAsync(r => r.Email == EscalationTests.Carol.Email);
        var digest = await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Digests.DigestPlanner>().PlanAsync(
            new SalesCoachBot.Digests.DigestSubscription { ManagerId = carol.Id, Channel = "test", Address = "{}", ConversationId = "sales", TimeZone = "UTC" }, CancellationToken.None);
        return digest!.Reply;
    }
}
