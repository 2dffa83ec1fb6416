using System.Text.RegularExpressions;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Dialogs;

/// <summary>Reads an answer to a prompt: text, an amount, a date, one of the choices, or yes/no.</summary>
public sealed partial class PromptAnswers(AmountRecognizer amounts, DateRecognizer dates)
{
    /// <summary>True with the value to store (null for a skipped optional prompt); false when the answer does not fit.</summary>
    public bool TryRead(Prompt prompt, string text, RepClock clock, out string? value)
    {
        value = null;
        var answer = text.Trim();
        if (prompt.Optional && Skip().IsMatch(answer))
            return true;
        switch (prompt.Kind)
        {
            case PromptKind.Text:
                value = answer.Length > 0 ? answer : null;
                break;
            case PromptKind.Amount:
                value = amounts.ReadAnswer(answer) is { Amount: > 0 } money ? DialogValues.Write(money) : null;
                break;
            case PromptKind.Date:
                value = dates.Find(answer, clock.LocalNow, prompt.Lean) is { } date ? DialogValues.Write(date.Local) : null;
                break;
            case PromptKind.Choice:
                value = Choose(prompt.Choices, answer) ?? (prompt.TakesWords && answer.Length > 0 ? answer : null);
                break;
            case PromptKind.YesNo:
                value = YesNoAnswer.Read(answer) switch { true => "yes", false => "no", null => null };
                break;
        }
        return value is not null;
    }

    /// <summary>Why an answer that does not fit was refused, when there is more to say than the prompt's hint.</summary>
    public string? WhyNot(Prompt prompt, string text) =>
        prompt.Kind == PromptKind.Amount && amounts.Read(text, wholeAnswer: true) is { IsNegative: true }
            ? "An amount can't be negative: type what the deal is worth, like $45,000 or 45k EUR."
            : null;

    public static bool IsYes(string? value) => value == "yes";

    /// <summary>True when the answer was typed in the rep's own words rather than picked from the prompt's choices.</summary>
    public static bool InWords(Prompt prompt, string? value) =>
        prompt.Kind == PromptKind.Text || (prompt.TakesWords && value is not null && !prompt.Choices.Contains(value));

    // By number ("2"), by title, by the start of a title, or by a part that fits only one choice.
    private static string? Choose(IReadOnlyList<string> choices, string answer)
    {
        var trimmed = answer.TrimStart('#').Trim().TrimEnd('.');
        if (int.TryParse(trimmed, out var number) && number >= 1 && number <= choices.Count)
            return choices[number - 1];
        return choices.FirstOrDefault(c => c.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
               ?? Single(choices.Where(c => c.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)))
               ?? Single(choices.Where(c => trimmed.Length >= 3 && c.Contains(trimmed, StringComparison.OrdinalIgnoreCase)));
    }

    private static string? Single(IEnumerable<string> matches) => matches.Take(2).ToList() is [var only] ? only : null;

    [GeneratedRegex(@"^(skip|none|no idea|don't know|dont know|n/a|-)$", RegexOptions.IgnoreCase)]
    private static partial Regex Skip();
}
