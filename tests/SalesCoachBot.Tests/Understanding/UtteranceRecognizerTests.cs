using System.Globalization;
using SalesCoachBot.Deals;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Understanding;

/// <summary>
/// Utterances as reps type them (typos, lower case, extra words) → intent and entities, with dates
/// resolved against Wednesday 4 March 2026, 10:00 in the rep's own time zone.
/// </summary>
public sealed class UtteranceRecognizerTests
{
    private static readonly RecognitionContext Context = new(new DateTime(2026, 3, 4, 10, 0, 0),
        ["Acme Corp", "Globex Corporation", "Initech", "Umbrella Health", "Route 66 Diner"]);

    private static readonly UtteranceRecognizer Recognizer = TestRecognizer.Create();

    [Theory]
    // help, cancel, undo and the short lists
    [InlineData("help", "help")]
    [InlineData("Help!", "help")]
    [InlineData("hi", "help")]
    [InlineData("/coach help", "help")]
    [InlineData("what can you do?", "help")]
    [InlineData("cancel", "cancel")]
    [InlineData("never mind", "cancel")]
    [InlineData("undo", "undo")]
    [InlineData("deals", "deals")]
    [InlineData("My Deals.", "deals")]
    [InlineData("show me my open deals", "deals")]
    [InlineData("pipeline", "pipeline")]
    [InlineData("show my pipeline", "pipeline")]
    [InlineData("/coach pipeline", "pipeline")]
    [InlineData("my goals", "goals")]
    [InlineData("how am I doing?", "goals")]
    [InlineData("set my timezone to Asia/Jakarta", "tz Asia/Jakarta")]
    [InlineData("timezone Europe/Berlin", "tz Europe/Berlin")]
    [InlineData("set my timezone to new york", "tz new york")]
    [InlineData("push Acme close date to March 15", "edit 'Acme Corp' close=2026-03-15")]
    // new deal: name, amount, account, expected close, stage
    [InlineData("new deal Acme Corp $45,000", "new 'Acme Corp' 45000 USD")]
    [InlineData("new deal Globex 45,000 EUR", "new 'Globex' 45000 EUR")]
    [InlineData("create a deal: Initech for $12k", "new 'Initech' 12000 USD")]
    [InlineData("add deal Hooli worth 1.2m", "new 'Hooli' 1200000 USD")]
    [InlineData("new deal   Route 66  Diner", "new 'Route 66 Diner'")]
    [InlineData("new deal Website redesign at Acme Corp $20k", "new 'Website redesign' 20000 USD account='Acme Corp'")]
    [InlineData("new deal Stark $80k closing end of month", "new 'Stark' 80000 USD close=2026-03-31")]
    [InlineData("new deal Wayne Enterprises £30,000 in discovery", "new 'Wayne Enterprises' 30000 GBP stage=Discovery")]
    [InlineData("new deal", "new ''")]
    // move
    [InlineData("move Acme to discovery", "move 'Acme Corp' to 'discovery'")]
    [InlineData("move acme corp to initial contact", "move 'Acme Corp' to 'initial contact'")]
    [InlineData("Move Back to Basics Ltd to the proposal stage", "move 'Back to Basics Ltd' to 'the proposal stage'")]
    [InlineData("mark Acme as won", "move 'Acme Corp' to 'won'")]
    [InlineData("put \"Initech\" in negotiation", "move 'Initech' to 'negotiation'")]
    [InlineData("advance globex to follow-up", "move 'Globex Corporation' to 'follow-up'")]
    [InlineData("move", "move '' to ''")]
    // logging calls, e-mails, meetings, demos and notes, with dates and next steps
    [InlineData("called Acme yesterday, they want pricing by Friday", "log Call deal='Acme Corp' when=2026-03-03 next='They want pricing by Friday' due=2026-03-06")]
    [InlineData("Called acme today", "log Call deal='Acme Corp' when=2026-03-04")]
    [InlineData("had a call with Globex this morning", "log Call deal='Globex Corporation' when=2026-03-04T08:00")]
    [InlineData("log call with Initech", "log Call deal='Initech'")]
    [InlineData("/coach log call with Acme", "log Call deal='Acme Corp'")]
    [InlineData("quick call with umbrella 2 days ago - they need a security review", "log Call deal='Umbrella Health' when=2026-03-02 next='They need a security review'")]
    [InlineData("phoned Initech last friday", "log Call deal='Initech' when=2026-02-27")]
    [InlineData("spoke with Acem on Monday", "log Call deal='Acme Corp' when=2026-03-02")]
    [InlineData("emailed Globex the proposal", "log Email deal='Globex Corporation'")]
    [InlineData("sent an email to initech yesterday; follow up next week", "log Email deal='Initech' when=2026-03-03 next='Follow up next week' due=2026-03-09")]
    [InlineData("met Acme Corp on March 2 about the rollout", "log Meeting deal='Acme Corp' when=2026-03-02")]
    [InlineData("meeting with Umbrella today, demo next Tuesday 3pm", "log Meeting deal='Umbrella Health' when=2026-03-04 next='Demo next Tuesday 3pm' due=2026-03-10T15:00")]
    [InlineData("demoed the product to Globex yesterday", "log Demo deal='Globex Corporation' when=2026-03-03")]
    [InlineData("gave a demo to initech, they will decide by end of month", "log Demo deal='Initech' next='They will decide by end of month' due=2026-03-31")]
    [InlineData("log call with Acme demo next Tuesday", "log Call deal='Acme Corp' next='Demo next Tuesday' due=2026-03-10")]
    [InlineData("note Acme: champion left the company", "log Note deal='Acme Corp'")]
    [InlineData("called Hooli yesterday", "log Call deal='Hooli' when=2026-03-03")]
    [InlineData("called them", "log Call deal='them'")]
    // objections, with and without a deal
    [InlineData("they say we're too expensive", "objection price")]
    [InlineData("Acme says it's too pricey", "objection price deal='Acme Corp'")]
    [InlineData("/coach price", "objection price")]
    [InlineData("objection price for Globex", "objection price deal='Globex Corporation'")]
    [InlineData("tips: they need to check with their boss", "objection authority")]
    [InlineData("prospect says not right now, maybe next quarter", "objection timing")]
    [InlineData("they said just send me some info", "objection trust")]
    [InlineData("Initech pushed back on the payment terms", "objection contract deal='Initech'")]
    [InlineData("they're worried the migration is too much work", "objection implementation")]
    [InlineData("objection", "objection ?")]
    [InlineData("objection for Acme", "objection ? deal='Acme Corp'")]
    // goals
    [InlineData("my goal this month: close 3 deals", "goal DealsWon 3 Month")]
    [InlineData("goal: 20 calls a week", "goal Calls 20 Week")]
    [InlineData("$50k this quarter", "goal Revenue 50000 Quarter USD")]
    [InlineData("set goal 5 demos a month", "goal Demos 5 Month")]
    [InlineData("my target is 10 meetings per week", "goal Meetings 10 Week")]
    [InlineData("close 2 deals this week", "goal DealsWon 2 Week")]
    // a look-up of a deal the sentence model has never seen the like of is still a look-up
    [InlineData("show Zeta7x1", "show 'Zeta7x1'")]
    [InlineData("show Zeta7x2", "show 'Zeta7x2'")]
    // anything else
    [InlineData("what's the weather", "unknown")]
    [InlineData("asdf qwer", "unknown")]
    public void ReadsIntentAndEntities(string utterance, string expected) =>
        Assert.Equal(expected, Describe(Recognizer.Recognize(utterance, Context)));

    [Theory]
    [InlineData("discovery", DealStage.Discovery)]
    [InlineData("Initial Contact", DealStage.InitialContact)]
    [InlineData("initial-contact", DealStage.InitialContact)]
    [InlineData("follow up", DealStage.FollowUp)]
    [InlineData("Follow-up", DealStage.FollowUp)]
    [InlineData("the negotiation stage", DealStage.Negotiation)]
    [InlineData("closed won", DealStage.Won)]
    [InlineData("LOST", DealStage.Lost)]
    public void ParsesStageNames(string text, DealStage expected)
    {
        Assert.True(StageNames.TryParse(text, out var stage));
        Assert.Equal(expected, stage);
    }

    [Theory]
    [InlineData("the moon")]
    [InlineData("")]
    [InlineData("stage")]
    public void RejectsWhatIsNotAStage(string text) => Assert.False(StageNames.TryParse(text, out _));

    private static string Describe(Intent intent) => intent switch
    {
        HelpIntent => "help",
        CancelIntent => "cancel",
        UndoIntent => "undo",
        ListDealsIntent => "deals",
        PipelineIntent => "pipeline",
        ShowGoalsIntent => "goals",
        SetTimeZoneIntent z => $"tz {z.Zone}",
        NewDealIntent n => Join($"new '{n.Name}'", n.Value is { } v ? $"{v.Amount:0.##} {v.Currency}" : null,
            n.Account is null ? null : $"account='{n.Account}'", n.ExpectedClose is { } c ? $"close={c:yyyy-MM-dd}" : null, n.Stage is { } s ? $"stage={s}" : null),
        MoveDealIntent m => $"move '{m.DealQuery}' to '{m.StageText}'",
        LogInteractionIntent l => Join($"log {l.Kind}", l.DealQuery is null ? null : $"deal='{l.DealQuery}'", l.When is { } w ? $"when={Time(w, w.TimeOfDay.Ticks > 0)}" : null,
            l.NextStep is null ? null : $"next='{l.NextStep}'", l.NextStepDue is { } d ? $"due={Time(d, l.NextStepHasTime)}" : null),
        ObjectionIntent o => Join($"objection {o.CategoryId ?? "?"}", o.DealQuery is null ? null : $"deal='{o.DealQuery}'"),
        SetGoalIntent g => Join($"goal {g.Metric} {g.Target:0.##} {g.Period}", g.Currency),
        UnknownIntent => "unknown",
        ShowDealIntent d => $"show '{d.DealQuery}'",
        EditDealIntent e => Join($"edit '{e.DealQuery}'", e.ExpectedClose is { } c ? $"close={c:yyyy-MM-dd}" : null, e.Value is { } v ? $"{v.Amount:0.##} {v.Currency}" : null),
        _ => intent.GetType().Name,
    };

    private static string Time(DateTime value, bool withTime) =>
        value.ToString(withTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Join(params string?[] parts) => string.Join(" ", parts.Where(p => p is not null));
}
