using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Interactions;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>Monday 2 March 2026, 09:00 UTC; the rep's time zone is the default, UTC.</summary>
public class LogInteractionDialogTests : BotTest
{
    [StoreFact]
    public async Task AFreeTextLogIsShownAsUnderstoodAndSavedOnlyOnConfirm()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp $45,000").AssertReply(Contains("New deal"))
            .Send("called Acme yesterday, they want pricing by Friday")
            .AssertReply(Contains("Log this call?", "Deal: Acme Corp (Prospecting)", "When: yesterday", "Summary: Called Acme yesterday, they want pricing by Friday",
                "Next step: They want pricing by Friday (reminder Fri 6 Mar)", "[1] Confirm  [2] Edit  [3] Cancel"))
            .Do(() => Assert.Equal(0, Bot.Database().Interactions.Count()))
            .Send("Confirm")
            .AssertReply(Contains("Logged: call on Acme Corp, yesterday. I'll remind you Fri 6 Mar: They want pricing by Friday."))
            .StartTestAsync();

        await using var db = Bot.Database();
        var interaction = await db.Interactions.SingleAsync();
        Assert.Equal((InteractionKind.Call, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)), (interaction.Kind, interaction.OccurredAt));
        var followUp = await db.FollowUps.SingleAsync();
        Assert.Equal((new DateOnly(2026, 3, 6), "They want pricing by Friday", interaction.Id), (followUp.DueOn, followUp.Note, followUp.InteractionId!.Value));
    }

    [StoreFact]
    public async Task ANextStepWrittenAsNextStepIsNotLabelledTwice()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called acme today, next step: send pricing by Friday")
            .AssertReply(Contains("Next step: Send pricing by Friday (reminder Fri 6 Mar)"))
            .Send("Confirm").AssertReply(Contains("I'll remind you Fri 6 Mar: Send pricing by Friday."))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Equal(("Send pricing by Friday", "Send pricing by Friday"), ((await db.FollowUps.SingleAsync()).Note, (await db.Interactions.SingleAsync()).NextStep));
    }

    [StoreFact]
    public async Task LoggingMovesTheDealsLastActivity()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromDays(10)))
            .Send("emailed acme today").AssertReply(Contains("Log this email?"))
            .Send("1").AssertReply(Contains("Logged: email on Acme Corp, today."))
            .Send("my deals").AssertReply(Contains("Acme Corp: Prospecting · active today"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task EditChangesOneFieldAndAsksAgain()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Globex").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(Contains("Log this call?", "When: today"))
            .Send("Edit").AssertReply(Contains("What should I change?", "[3] When"))
            .Send("when").AssertReply(Contains("When was it?"))
            .Send("sometime").AssertReply(Contains("That isn't a date I can read", "When was it?"))
            .Send("last friday").AssertReply(Contains("When: Fri 27 Feb"))
            .Send("edit").AssertReply(Contains("What should I change?"))
            .Send("deal").AssertReply(Contains("Which deal was it?"))
            .Send("globex").AssertReply(Contains("Deal: Globex (Prospecting)", "When: Fri 27 Feb"))
            .Send("Edit").AssertReply(Contains("What should I change?"))
            .Send("Next step").AssertReply(Contains("What's the next step"))
            .Send("send the contract next Tuesday").AssertReply(Contains("Next step: send the contract next Tuesday (reminder Tue 10 Mar)"))
            .Send("Confirm").AssertReply(Contains("Logged: call on Globex, Fri 27 Feb. I'll remind you Tue 10 Mar"))
            .StartTestAsync();

        await using var db = Bot.Database();
        var globex = await db.Deals.SingleAsync(d => d.Name == "Globex");
        Assert.Equal(globex.Id, (await db.Interactions.SingleAsync()).DealId);
    }

    [StoreFact]
    public async Task TwoMatchingDealsAreOfferedAsChoices()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("new deal Acme Labs").AssertReply(Contains("New deal"))
            .Send("met acme today").AssertReply(Contains("More than one deal matches \"Acme\"", "[1] Acme Corp", "[2] Acme Labs"))
            .Send("labs").AssertReply(Contains("Log this meeting?", "Deal: Acme Labs"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task WithoutADealNamedAnyDealCanBeTypedNotOnlyTheOnesOnTheButtons()
    {
        var flow = Bot.Flow();
        foreach (var name in new[] { "Acme", "Globex", "Initech", "Hooli", "Stark", "Wayne", "Umbrella", "Cyberdyne", "Tyrell" })
            flow = flow.Send($"new deal {name}").AssertReply(Contains("New deal"));
        await flow
            .Send("log a call").AssertReply(Contains("Which deal was this for?", "[8]"))
            .Send("tyrell").AssertReply(Contains("Log this call?", "Deal: Tyrell (Prospecting)"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task DealsThatShareANameAreToldApartByNumber()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("move acme to discovery").AssertReply(Contains("Move it anyway?"))
            .Send("yes").AssertReply(Contains("Discovery"))
            .StartTestAsync();
        await using (var db = Bot.Database())
        {
            var owner = await db.Reps.SingleAsync();
            db.Deals.Add(SalesCoachBot.Deals.Deal.Open("Acme Corp", null, owner, BotHarness.Start));
            await db.SaveChangesAsync();
        }
        await Bot.Flow()
            .Send("called acme corp today").AssertReply(Contains("More than one deal matches", "Acme Corp (Discovery, #1)", "Acme Corp (Prospecting, #2)"))
            .Send("Acme Corp (Discovery, #1)").AssertReply(Contains("Log this call?", "Deal: Acme Corp (Discovery)"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AnUnknownDealIsOfferedToBeCreated()
    {
        await Bot.Flow()
            .Send("called Hooli yesterday").AssertReply(Contains("I don't have a deal called \"Hooli\". Create it and log this on it?", "[1] Yes  [2] No"))
            .Send("maybe").AssertReply(Contains("Please answer yes or no."))
            .Send("yes").AssertReply(Contains("Log this call?", "Deal: Hooli (Prospecting)"))
            .Send("confirm").AssertReply(Contains("Logged: call on Hooli"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task CancelAtAnyStepSavesNothing()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .Send("Edit").AssertReply(Contains("What should I change?"))
            .Send("never mind").AssertReply(Contains("OK, cancelled. Nothing was saved."))
            .Send("cancel").AssertReply(Contains("There's nothing to cancel."))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Empty(db.Interactions);
    }

    [StoreFact]
    public async Task HelpMidDialogExplainsAndAsksTheSameQuestionAgain()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .Send("help").AssertReply(Contains("I'm logging an interaction", "Log this call?", "[1] Confirm"))
            .Send("confirm").AssertReply(Contains("Logged: call on Acme Corp"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AButtonPressRoutesIntoTheDialogLikeATypedAnswer()
    {
        var confirm = "";
        await Bot.Flow(BotHarness.User("user1", "card"))
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(reply => confirm = reply.Buttons.Single(b => b.Title == "Confirm").Message)
            .Send(() => confirm)
            .AssertReply(Contains("Logged: call on Acme Corp"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task ADialogLeftIdleExpiresQuietly()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromMinutes(31)))
            .Send("Confirm").AssertReply(Contains("Nothing is waiting for an answer"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Empty(db.Interactions);
    }

    [StoreFact]
    public async Task AnotherCommandMidDialogIsAnsweredInstead()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .Send("my deals").AssertReply(Contains("Your open deals (1)"))
            .Send("Confirm").AssertReply(Contains("Nothing is waiting for an answer"))
            .StartTestAsync();
    }

    [StoreFact]
    public async Task AConfirmationLeftForAnotherCommandIsSaidAndCanBeKept()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .Send("my deals").AssertReply(StartsWith("Not saved: the call on Acme Corp — say \"log it\" to keep it.", "Your open deals (1)"))
            .Send("log it").AssertReply(Contains("Logged: call on Acme Corp, today."))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .Send("my deals").AssertReply(Contains("Not saved: the call on Acme Corp"))
            .Send("my deals").AssertReply(StartsWith("Your open deals (1)"))
            .Send("log it").AssertReply(DoesNotContain("Logged"))
            .Send("called Acme today").AssertReply(Contains("Log this call?"))
            .Send("my deals").AssertReply(Contains("Not saved: the call on Acme Corp"))
            .Do(() => Bot.Clock.Advance(TimeSpan.FromMinutes(31)))
            .Send("log it").AssertReply(DoesNotContain("Logged"))
            .StartTestAsync();

        await using var db = Bot.Database();
        Assert.Single(db.Interactions);
    }

    [StoreFact]
    public async Task AnObjectionInTheLogOffersTheMatchingTips()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("called Acme, they say we're too expensive").AssertReply(Contains("Log this call?"))
            .Send("confirm").AssertReply(Contains("Logged", "[1] Tips: Price or budget"))
            .Send("1").AssertReply(Contains("Objection: Price or budget", "At Prospecting (Acme Corp)"))
            .StartTestAsync();
    }
}
