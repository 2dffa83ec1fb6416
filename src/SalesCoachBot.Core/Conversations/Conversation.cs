using SalesCoachBot.Deals;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Digests;
using SalesCoachBot.Goals;
using SalesCoachBot.Metrics;
using SalesCoachBot.Nudges;
using SalesCoachBot.Objections;
using SalesCoachBot.Pipeline;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Telemetry;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Conversations;

/// <summary>
/// Answers one message from one rep: identifies them, lets a running dialog take the answer, and
/// otherwise understands the message afresh and acts on it.
/// </summary>
public sealed class Conversation(
    RepDirectory reps,
    DealService deals,
    UtteranceRecognizer recognizer,
    DialogRunner dialogs,
    DealCommands dealCommands,
    PipelineCommands pipeline,
    ObjectionCommands objections,
    GoalCommands goals,
    NudgeCommands nudges,
    TeamCommands team,
    MetricsCommands numbers,
    DealViews views,
    LastActivityCommands lastActivity,
    LearnedExamples learned,
    RepClockFactory clocks,
    TurnIntent understood,
    DateRecognizer dates,
    AmountRecognizer amounts)
{
    public async Task<Reply> RespondAsync(ChannelIdentity who, string text, ConversationMemory memory, CancellationToken cancellationToken, ConversationPlace? place = null)
    {
        var rep = await reps.IdentifyAsync(who, cancellationToken);
        text = PressedButton(text, memory);
        var turn = new RepTurn(rep, clocks.For(rep), memory) { Place = place, Text = text };
        var context = new RecognitionContext(turn.Clock.LocalNow, [.. (await deals.OpenDealsAsync(rep, cancellationToken)).Select(d => d.Name)]);

        var reply = Doubt(text, turn) ?? await dialogs.ResumeAsync(text, turn, cancellationToken) ?? await ClarifiedAsync(turn, text, context, cancellationToken);
        if (reply is null)
        {
            Reading? reading = null;
            Reading Read() => reading ??= understood.Noted(recognizer.Read(text, context));
            reply = await dialogs.ContinueAsync(text, turn, (_, _) => Interrupts(Read()), cancellationToken)
                    ?? dialogs.SayDropped(turn, await ActAsync(turn, Read().Intent, cancellationToken));
        }
        memory.LastButtons = [.. reply.Buttons.Select(b => b.Message)];
        return reply;
    }

    // A date or amount that cannot be meant as written is asked about before anything is read or stored; a waiting question stays open.
    private Reply? Doubt(string text, RepTurn turn) =>
        amounts.TooLarge(text) is { } huge
            ? new Reply(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{huge} is too large for an amount (at most {Deals.Money.MaxAmount:N0}). Which amount did you mean?"))
            : dates.Doubt(text, turn.Clock.LocalNow) is { } doubt ? new Reply(doubt) : null;

    // The answer to "Did you mean…?": do what was picked, and remember the phrasing for next time.
    private async Task<Reply?> ClarifiedAsync(RepTurn turn, string text, RecognitionContext context, CancellationToken cancellationToken)
    {
        if (turn.Memory.Clarification is not { } open)
            return null;
        turn.Memory.Clarification = null;
        if (text.Trim().Equals(ClarifyReplies.SomethingElse, StringComparison.OrdinalIgnoreCase))
            return ClarifyReplies.SaySomethingElse();
        if (open.Choices.FirstOrDefault(c => c.Title.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } picked)
            return null;
        await learned.LearnAsync(turn.Rep, picked.Label, open.Text, cancellationToken);
        understood.Picked(picked.Label);
        return await ActAsync(turn, recognizer.Interpret(picked.Label, open.Text, context), cancellationToken);
    }

    private async Task<Reply> ActAsync(RepTurn turn, Intent intent, CancellationToken cancellationToken) => intent switch
    {
        HelpIntent => HelpReplies.Help(),
        CancelIntent => new Reply("There's nothing to cancel."),
        UndoIntent => await dealCommands.UndoAsync(turn, cancellationToken),
        ListDealsIntent => await dealCommands.ListAsync(turn, cancellationToken),
        PipelineIntent => await pipeline.ShowAsync(turn, cancellationToken),
        NewDealIntent create => await dealCommands.CreateAsync(turn, create, cancellationToken),
        MoveDealIntent move => await dealCommands.MoveAsync(turn, move, cancellationToken),
        LogInteractionIntent log => await dialogs.BeginAsync(LogInteractionDialog.Name, turn, LogValues(log), cancellationToken),
        ObjectionIntent objection => await objections.AdviseAsync(turn, objection, cancellationToken),
        SetGoalIntent goal => await goals.SetAsync(turn, goal, cancellationToken),
        ShowGoalsIntent => await goals.ShowAsync(turn, cancellationToken),
        SetTimeZoneIntent zone => await reps.SetTimeZoneAsync(turn.Rep, zone.Zone, cancellationToken) is { } set
            ? new Reply($"Time zone set to {set.Id}. It's {clocks.For(turn.Rep).LocalNow:HH:mm} there now.")
            : new Reply($"I don't know the time zone \"{zone.Zone}\". Use a city (Berlin, New York, Jakarta), an abbreviation (CET, PST, WIB) or a name like Europe/Berlin."),
        SnoozeIntent snooze => await nudges.SnoozeAsync(turn, snooze, cancellationToken),
        PauseNudgesIntent pause => await nudges.PauseAsync(turn, pause.Duration, cancellationToken),
        ResumeNudgesIntent => await nudges.PauseAsync(turn, TimeSpan.Zero, cancellationToken),
        StageTipsIntent tips => await nudges.StageTipsAsync(turn, tips.DealQuery, cancellationToken),
        SubscribeDigestIntent digest => await team.SubscribeDigestAsync(turn, digest, cancellationToken),
        StopDigestIntent => await team.StopDigestAsync(turn, cancellationToken),
        TeamIntent change => await team.ChangeAsync(turn, change, cancellationToken),
        ManagerRoleIntent role => await team.SetManagerAsync(turn, role, cancellationToken),
        MoveToTeamIntent move => await team.MoveAsync(turn, move, cancellationToken),
        NumbersIntent ask => await numbers.ShowAsync(turn, ask, cancellationToken),
        UnsureIntent unsure => ClarifyReplies.Ask(unsure, turn.Memory),
        UnknownIntent unknown => ClarifyReplies.NotSure(unknown, turn.Memory),
        IncompleteIntent incomplete => new Reply(incomplete.Hint),
        ThanksIntent => new Reply("Anytime! 👍"),
        LastActivityIntent last => await lastActivity.ChangeAsync(turn, last, cancellationToken),
        ShowTimeZoneIntent => new Reply($"Your time zone is {turn.Clock.Zone.Id}; it's {turn.Clock.LocalNow:ddd HH:mm} there now. Change it with \"set my timezone to Europe/Berlin\" (or a city)."),
        ShowDealIntent show => await views.ShowAsync(turn, show.DealQuery, cancellationToken),
        StalledDealsIntent => await views.StalledAsync(turn, cancellationToken),
        OverdueIntent => await views.OverdueAsync(turn, cancellationToken),
        EditDealIntent edit => await dealCommands.EditAsync(turn, edit, cancellationToken),
        ReopenDealIntent reopen => await dealCommands.ReopenAsync(turn, reopen.DealQuery, cancellationToken),
        DeleteDealIntent delete => await dealCommands.DeleteAsync(turn, delete.DealQuery, cancellationToken),
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}"),
    };

    // An answer that does not fit the question, or any answer to a free-text question, gives way only to
    // what is clearly something else: a command in its exact shape, or a sure reading that names a deal.
    private static bool Interrupts(Reading reading) =>
        reading is { Sure: true, Intent: not (HelpIntent or CancelIntent or ThanksIntent or UnknownIntent or UnsureIntent or IncompleteIntent) }
        && (reading.Best is null || NamesADeal(reading.Intent));

    private static bool NamesADeal(Intent intent) => intent switch
    {
        LogInteractionIntent log => log.DealQuery is not null,
        MoveDealIntent move => move.DealQuery.Length > 0 && move.StageText.Length > 0,
        ShowDealIntent show => show.DealQuery is not null,
        EditDealIntent edit => edit.DealQuery is not null,
        ObjectionIntent objection => objection.DealQuery is not null,
        _ => false,
    };

    // "2" after a reply with buttons stands for the second button, as the terminal shows them numbered;
    // only a free-text answer takes a number as itself.
    private static string PressedButton(string text, ConversationMemory memory) =>
        int.TryParse(text.Trim(), out var number) && number >= 1 && number <= memory.LastButtons.Count &&
        DialogRunner.Waiting(memory)?.Kind is not PromptKind.Text
            ? memory.LastButtons[number - 1]
            : text;

    private static Dictionary<string, string?> LogValues(LogInteractionIntent log) => new()
    {
        [DialogKeys.Kind] = log.Kind.ToString(),
        [DialogKeys.DealQuery] = log.DealQuery,
        [DialogKeys.When] = DialogValues.Write(log.When),
        [DialogKeys.WhenHasTime] = log.When is { TimeOfDay.Ticks: > 0 } ? "yes" : null,
        [DialogKeys.Summary] = log.Summary,
        [DialogKeys.NextStep] = log.NextStep,
        [DialogKeys.NextDue] = DialogValues.Write(log.NextStepDue),
        [DialogKeys.NextHasTime] = log.NextStepHasTime ? "yes" : null,
    };
}
