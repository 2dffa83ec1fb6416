using SalesCoachBot.Replies;

namespace SalesCoachBot.Dialogs;

/// <summary>What a dialog step decided: ask something, go on, jump, or finish with a reply.</summary>
public abstract record StepResult
{
    public sealed record Ask(Prompt Prompt) : StepResult;

    public sealed record Next : StepResult;

    public sealed record GoTo(int Step) : StepResult;

    public sealed record Done(Reply Reply) : StepResult;

    public static StepResult Continue { get; } = new Next();
}
