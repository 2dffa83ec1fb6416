using SalesCoachBot.Replies;

namespace SalesCoachBot.Dialogs;

public enum PromptKind
{
    Text,
    Amount,
    Date,
    Choice,
    YesNo,
}

/// <summary>
/// A question a dialog waits on. The answer is parsed by <see cref="Kind"/> and stored under
/// <see cref="Key"/>; an answer that does not parse is asked again with <see cref="Hint"/>.
/// </summary>
public sealed record Prompt(PromptKind Kind, string Key, Reply Question, string Hint)
{
    /// <summary>For choice prompts: the options, matched by number, title or a fair part of it.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>For choice prompts: an answer in the rep's own words is taken as it is, besides the choices.</summary>
    public bool TakesWords { get; init; }

    /// <summary>Optional prompts accept "skip" and store nothing.</summary>
    public bool Optional { get; init; }

    /// <summary>For date prompts: how an unanchored date ("Friday") leans.</summary>
    public Understanding.DateLean Lean { get; init; } = Understanding.DateLean.Future;
}
