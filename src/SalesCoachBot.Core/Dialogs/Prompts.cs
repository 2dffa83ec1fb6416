using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Dialogs;

/// <summary>Shorthands for the prompts dialogs ask, with the hints they re-ask with.</summary>
public static class Prompts
{
    public static StepResult Text(string key, string question, bool optional = false, string? title = null) =>
        Ask(new Prompt(PromptKind.Text, key, new Reply(question) { Title = title, Buttons = optional ? [Skip] : [] }, "Please type an answer.") { Optional = optional });

    public static StepResult Amount(string key, string question, bool optional = false) =>
        Ask(new Prompt(PromptKind.Amount, key, new Reply(question) { Buttons = optional ? [Skip] : [] },
            "That isn't an amount I can read: try $45,000, 45k EUR or 1.2m" + (optional ? ", or \"skip\"." : ".")) { Optional = optional });

    public static StepResult Date(string key, string question, DateLean lean, bool optional = false) =>
        Ask(new Prompt(PromptKind.Date, key, new Reply(question) { Buttons = optional ? [Skip] : [] },
            "That isn't a date I can read: try \"yesterday\", \"next Tuesday 3pm\", \"March 14\" or \"end of month\"" + (optional ? ", or \"skip\"." : ".")) { Optional = optional, Lean = lean });

    public static StepResult Choice(string key, Reply question, IReadOnlyList<string> choices, bool takesWords = false) =>
        Ask(new Prompt(PromptKind.Choice, key, question with { Buttons = [.. choices.Select(c => new ReplyButton(c, c))] },
            $"Please pick one of: {string.Join(", ", choices)} (or its number).") { Choices = choices, TakesWords = takesWords });

    public static StepResult YesNo(string key, Reply question, string yes = "Yes", string no = "No") =>
        Ask(new Prompt(PromptKind.YesNo, key, question with { Buttons = [new(yes, "yes"), new(no, "no")] }, "Please answer yes or no."));

    private static readonly ReplyButton Skip = new("Skip", "skip");

    private static StepResult.Ask Ask(Prompt prompt) => new(prompt);
}
