using SalesCoachBot.Replies;

namespace SalesCoachBot.Dialogs;

/// <summary>
/// A conversation that takes more than one message: a list of steps run in order. A step may ask
/// (the dialog waits for the rep's answer, then runs the next step), go on, jump, or finish.
/// </summary>
public abstract class Dialog
{
    public abstract string Id { get; }

    public abstract IReadOnlyList<Func<DialogTurn, CancellationToken, Task<StepResult>>> Steps { get; }

    /// <summary>What "help" says in the middle of this dialog, before the question is asked again.</summary>
    public virtual string Help => "Answer the question, or say \"cancel\" to stop.";

    /// <summary>What "cancel" says: what stands and what was not saved.</summary>
    public virtual Reply CancelledReply(DialogTurn turn) => new("OK, cancelled. Nothing was saved.");

    /// <summary>True when <paramref name="text"/> answers <paramref name="waiting"/>, even where it could also be read as a command of its own.</summary>
    public virtual Task<bool> AnswersAsync(DialogTurn turn, Prompt waiting, string text, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The line said when the rep leaves <paramref name="waiting"/> for another command, if something goes unsaved.</summary>
    public virtual string? DroppedNote(DialogTurn turn, Prompt waiting) => null;

    /// <summary>The answer to feed <paramref name="waiting"/> when the rep's next message takes the dropped question back up.</summary>
    public virtual string? Resumes(string text, Prompt waiting) => null;
}
