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
using SalesCoachBot.Understanding;

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
    PipelineView pipeline,
    ObjectionCoach objections,
    GoalCommands goals,
    NudgeCommands nudges,
    TeamCommands team,
    MetricsCommands numbers,
    RepClockFactory clocks)
{
    public async Task<Reply> RespondAsync(ChannelIdentity who, string text, ConversationMemory memory, CancellationToken cancellationToken, ConversationPlace? place = null)
    {
        var rep = await reps.IdentifyAsync(who, cancellationToken);
        var turn = new RepTurn(rep, clocks.For(rep), memory) { Place = place };
        var context = new RecognitionContext(turn.Clock.LocalNow, [.. (await deals.OpenDealsAsync(rep, cancellationToken)).Select(d => d.Name)]);
        text = PressedButton(text, memory);

        var reply = await dialogs.ContinueAsync(text, turn, (t, kind) => Interrupts(recognizer.Recognize(t, context), kind), cancellationToken)
                    ?? await ActAsync(turn, recognizer.Recognize(text, context), cancellationToken);
        memory.LastButtons = [.. reply.Buttons.Select(b => b.Message)];
        return reply;
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
            : new Reply($"I don't know the time zone \"{zone.Zone}\". Use a name like Europe/Berlin, America/New_York or Asia/Jakarta."),
        SnoozeIntent snooze => await nudges.SnoozeAsync(turn, snooze, cancellationToken),
        PauseNudgesIntent pause => await nudges.PauseAsync(turn, pause.Duration, cancellationToken),
        ResumeNudgesIntent => await nudges.PauseAsync(turn, TimeSpan.Zero, cancellationToken),
        StageTipsIntent tips => await nudges.StageTipsAsync(turn, tips.DealQuery, cancellationToken),
        SubscribeDigestIntent digest => await team.SubscribeDigestAsync(turn, digest, cancellationToken),
        StopDigestIntent => await team.StopDigestAsync(turn, cancellationToken),
        TeamIntent change => await team.ChangeAsync(turn, change, cancellationToken),
        NumbersIntent ask => await numbers.ShowAsync(turn, ask, cancellationToken),
        UnknownIntent unknown => HelpReplies.NotUnderstood(unknown.Text),
        var other => throw new InvalidOperationException($"No handler for {other.GetType().Name}"),
    };

    // A free-text answer takes anything, so only a plain command interrupts it; other prompts give way
    // to anything the rep clearly means as something else.
    private static bool Interrupts(Intent intent, PromptKind kind) => kind == PromptKind.Text
        ? intent is UndoIntent or ListDealsIntent or PipelineIntent or ShowGoalsIntent
        : intent is not (UnknownIntent or HelpIntent or CancelIntent);

    // "2" after a reply with buttons stands for the second button, as the terminal shows them numbered;
    // only a free-text answer takes a number as itself.
    private static string PressedButton(string text, ConversationMemory memory) =>
        int.TryParse(text.Trim(), out var number) && number >= 1 && number <= memory.LastButtons.Count &&
        DialogRunner.Waiting(memory)?.Kind is not PromptKind.Text
            ? memory.LastButtons[number - 1]
            : text;

    private static Dictionary<string, string?> LogValues(LogInteractionIntent log) => new()
    {
        ["kind"] = log.Kind.ToString(),
        ["dealQuery"] = log.DealQuery,
        ["when"] = DialogValues.Write(log.When),
        ["whenHasTime"] = log.When is { TimeOfDay.Ticks: > 0 } ? "yes" : null,
        ["summary"] = log.Summary,
        ["nextStep"] = log.NextStep,
        ["nextDue"] = DialogValues.Write(log.NextStepDue),
        ["nextHasTime"] = log.NextStepHasTime ? "yes" : null,
    };
}
