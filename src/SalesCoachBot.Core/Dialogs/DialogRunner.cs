using SalesCoachBot.Conversations;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Dialogs;

/// <summary>
/// Runs dialogs: starts them, feeds them the rep's answers, re-asks on answers that do not fit, and
/// handles what works at any step: "cancel", "help" (answers, then asks again) and quiet expiry.
/// </summary>
public sealed class DialogRunner(IEnumerable<Dialog> dialogs, PromptAnswers answers, DialogSettings settings)
{
    private readonly Dictionary<string, Dialog> byId = dialogs.ToDictionary(d => d.Id);


    public Task<Reply> BeginAsync(string dialogId, RepTurn turn, IReadOnlyDictionary<string, string?>? values, CancellationToken cancellationToken)
    {
        var frame = new DialogFrame { DialogId = dialogId, Values = new(values ?? new Dictionary<string, string?>()), LastActiveAt = turn.Clock.UtcNow };
        turn.Memory.Dialogs.Frames.Add(frame);
        return RunAsync(byId[dialogId], frame, turn, cancellationToken);
    }

    /// <summary>
    /// The reply when the message belongs to a running dialog; null when no dialog is running (or it
    /// expired, or the rep clearly started something else), so the message is understood afresh.
    /// <paramref name="startsSomethingElse"/> is asked when an answer does not fit, and for free-text
    /// answers, which fit anything.
    /// </summary>
    public async Task<Reply?> ContinueAsync(string text, RepTurn turn, Func<string, PromptKind, bool> startsSomethingElse, CancellationToken cancellationToken)
    {
        var (stack, clock) = (turn.Memory.Dialogs, turn.Clock);
        if (stack.Active is not { } frame)
            return null;
        if (clock.UtcNow - frame.LastActiveAt > settings.IdleTimeout || !byId.TryGetValue(frame.DialogId, out var dialog) || frame.Prompt is null)
        {
            stack.Frames.Clear();
            return null;
        }
        frame.LastActiveAt = clock.UtcNow;
        var prompt = frame.Prompt;

        if (CommandWords.IsCancel(text))
        {
            stack.Frames.Clear();
            return dialog.CancelledReply(new DialogTurn(turn, frame.Values));
        }
        if (CommandWords.IsHelp(text))
            return Again(prompt, $"{dialog.Help} {prompt.Hint}");
        var valid = answers.TryRead(prompt, text, clock, out var value);
        if ((!valid || PromptAnswers.InWords(prompt, value)) && !await dialog.AnswersAsync(new DialogTurn(turn, frame.Values), prompt, text, cancellationToken)
            && (startsSomethingElse(text, prompt.Kind) || GivesUp(prompt, frame, valid)))
        {
            stack.Frames.Remove(frame);
            stack.SetAside = frame;
            return null;
        }
        if (!valid)
        {
            frame.Attempts++;
            var hint = answers.WhyNot(prompt, text) ?? prompt.Hint;
            return Again(prompt, frame.Attempts > 2 ? $"{hint} (Or say \"cancel\" to stop.)" : hint);
        }

        frame.Values[prompt.Key] = value;
        frame.Prompt = null;
        frame.Attempts = 0;
        frame.Step++;
        return await RunAsync(dialog, frame, turn, cancellationToken);
    }

    /// <summary>
    /// Takes the dialog dropped on the last message back up when this message answers it (e.g. "log it");
    /// otherwise forgets it and returns null.
    /// </summary>
    public async Task<Reply?> ResumeAsync(string text, RepTurn turn, CancellationToken cancellationToken)
    {
        var stack = turn.Memory.Dialogs;
        if (stack.SetAside is not { Prompt: { } prompt } frame)
            return null;
        stack.SetAside = null;
        if (!byId.TryGetValue(frame.DialogId, out var dialog) || turn.Clock.UtcNow - frame.LastActiveAt > settings.IdleTimeout ||
            dialog.Resumes(text, prompt) is not { } answer)
            return null;
        stack.Frames.Add(frame);
        return await ContinueAsync(answer, turn, (_, _) => false, cancellationToken);
    }

    /// <summary>The reply led by a line on what the dialog dropped on this message leaves unsaved, if anything.</summary>
    public Reply SayDropped(RepTurn turn, Reply reply)
    {
        if (turn.Memory.Dialogs.SetAside is not { Prompt: { } prompt } frame || !byId.TryGetValue(frame.DialogId, out var dialog) ||
            dialog.DroppedNote(new DialogTurn(turn, frame.Values), prompt) is not { } note)
            return reply;
        return reply with { Title = null, Text = string.Join("\n", new[] { note, reply.Title, reply.Text }.Where(t => t is not null)) };
    }

    private static async Task<Reply> RunAsync(Dialog dialog, DialogFrame frame, RepTurn repTurn, CancellationToken cancellationToken)
    {
        var stack = repTurn.Memory.Dialogs;
        var turn = new DialogTurn(repTurn, frame.Values);
        while (frame.Step < dialog.Steps.Count)
        {
            switch (await dialog.Steps[frame.Step](turn, cancellationToken))
            {
                case StepResult.Ask ask:
                    frame.Prompt = ask.Prompt;
                    return ask.Prompt.Question;
                case StepResult.GoTo jump:
                    frame.Step = jump.Step;
                    break;
                case StepResult.Done done:
                    stack.Frames.Remove(frame);
                    return done.Reply;
                default:
                    frame.Step++;
                    break;
            }
        }
        stack.Frames.Remove(frame);
        return new Reply("Done.");
    }

    // A yes/no question is asked again once: a second message that is neither is something else, read as such.
    private static bool GivesUp(Prompt prompt, DialogFrame frame, bool valid) => !valid && prompt.Kind == PromptKind.YesNo && frame.Attempts > 0;

    private static Reply Again(Prompt prompt, string hint) => prompt.Question with { Text = $"{hint}\n{prompt.Question.Text}" };
}
