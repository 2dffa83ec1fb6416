using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Dialogs;

/// <summary>
/// Creates a deal step by step when the rep just says "new deal": name, amount, expected close. A one-line deal comes
/// here when its close date has passed (only the date is asked again) or when where its name ends was a guess (the
/// reading is shown, and saved on Confirm).
/// </summary>
public sealed class NewDealDialog(DealService deals, DealReplies replies) : Dialog
{
    public const string Name = "new-deal";
    private const string PastClose = "pastClose";
    private const string Reading = "reading";
    private const string ReadingAnswer = "readingAnswer";
    private static readonly string[] ReadingChoices = ["Confirm", "Edit", "Cancel"];

    /// <summary>A one-line deal whose close date has passed: everything given is kept, only the date is asked again.</summary>
    public static Dictionary<string, string?> AskCloseAgain(NewDealIntent intent) => new(Given(intent)) { [DialogKeys.Close] = null, [PastClose] = "yes" };

    /// <summary>A one-line deal to show before it is saved, because where its name ends was a guess.</summary>
    public static Dictionary<string, string?> ShowReading(NewDealIntent intent) => Given(intent);

    private static Dictionary<string, string?> Given(NewDealIntent intent) => new()
    {
        [DialogKeys.Name] = intent.Name,
        [DialogKeys.Amount] = DialogValues.Write(intent.Value),
        [DialogKeys.Account] = intent.Account,
        [DialogKeys.Stage] = intent.Stage?.ToString(),
        [DialogKeys.Close] = DialogValues.Write(intent.ExpectedClose?.ToDateTime(TimeOnly.MinValue)),
        [Reading] = intent.NameInDoubt ? "yes" : null,
    };

    public override string Id => Name;

    public override string Help => "I'm creating a deal: answer the question, \"skip\" the optional ones, or say \"cancel\".";

    public override IReadOnlyList<Func<DialogTurn, CancellationToken, Task<StepResult>>> Steps =>
        [AskNameAsync, AskAmountAsync, AskCloseAsync, ShowReadingAsync, AfterReadingAsync, CreateAsync];

    public override string? DroppedNote(DialogTurn turn, Prompt waiting) => turn.Text(DialogKeys.Name) is { } name
        ? $"Not created: the deal {name.Trim()} — say \"new deal {name.Trim()}\" to create it."
        : "Not created: the new deal — say \"new deal\" to start again.";

    private static Task<StepResult> AskNameAsync(DialogTurn turn, CancellationToken ct) =>
        Task.FromResult(turn.Has(DialogKeys.Name) ? StepResult.Continue : Prompts.Text(DialogKeys.Name, "What's the deal called? (usually the account, e.g. Acme Corp)", title: "New deal"));

    private async Task<StepResult> AskAmountAsync(DialogTurn turn, CancellationToken ct)
    {
        var name = turn.Text(DialogKeys.Name)!.Trim();
        if (name.Length > DealReplies.MaxNameLength)
        {
            turn.Remove(DialogKeys.Name);
            return Prompts.Text(DialogKeys.Name, $"Please keep the name under {DealReplies.MaxNameLength} characters. What's the deal called?");
        }
        if (await deals.FindOpenByExactNameAsync(turn.Rep, name, ct) is { } existing)
            return new StepResult.Done(replies.AlreadyExists(existing));
        return turn.Has(DialogKeys.Amount) || turn.Has(PastClose) || turn.Has(Reading) ? StepResult.Continue : Prompts.Amount(DialogKeys.Amount, "How much is it worth? (e.g. $45,000 or 45k EUR)", optional: true);
    }

    private static Task<StepResult> AskCloseAsync(DialogTurn turn, CancellationToken ct) =>
        Task.FromResult(turn.Has(Reading) && !turn.Has(PastClose) ? StepResult.Continue : Prompts.Date(DialogKeys.Close, turn.Has(PastClose)
            ? "That date has passed — which date should it close by?"
            : "When do you expect it to close? (e.g. \"end of next month\")", DateLean.Future, optional: true));

    private static Task<StepResult> ShowReadingAsync(DialogTurn turn, CancellationToken ct)
    {
        if (!turn.Has(Reading))
            return Task.FromResult(StepResult.Continue);
        var facts = new List<Fact> { new("Name", turn.Text(DialogKeys.Name)!.Trim()) };
        if (turn.Has(DialogKeys.Account))
            facts.Add(new("Account", turn.Text(DialogKeys.Account)!));
        facts.Add(new("Amount", turn.Money(DialogKeys.Amount)?.ToString() ?? "not set"));
        facts.Add(new("Stage", (Enum.TryParse<DealStage>(turn.Text(DialogKeys.Stage), out var stage) ? stage : DealStage.Prospecting).DisplayName()));
        if (turn.LocalDateTime(DialogKeys.Close) is { } close)
            facts.Add(new("Expected close", Dates.Describe(DateOnly.FromDateTime(close), turn.Clock)));
        return Task.FromResult(Prompts.Choice(ReadingAnswer, new Reply("Here's what I understood. Save it?") { Title = "New deal?", Facts = facts }, ReadingChoices));
    }

    // Edit asks the name again, then shows the reading with it.
    private static Task<StepResult> AfterReadingAsync(DialogTurn turn, CancellationToken ct)
    {
        var answer = turn.Text(ReadingAnswer);
        turn.Remove(ReadingAnswer);
        if (!turn.Has(Reading) || answer == "Confirm")
            return Task.FromResult(StepResult.Continue);
        if (answer == "Edit")
        {
            turn.Remove(DialogKeys.Name, DialogKeys.Account);
            return Task.FromResult<StepResult>(new StepResult.GoTo(0));
        }
        return Task.FromResult<StepResult>(new StepResult.Done(new Reply("OK, nothing saved.")));
    }

    private async Task<StepResult> CreateAsync(DialogTurn turn, CancellationToken ct)
    {
        var close = turn.LocalDateTime(DialogKeys.Close) is { } day ? DateOnly.FromDateTime(day) : (DateOnly?)null;
        if (close < turn.Clock.Today)
        {
            turn.Remove(DialogKeys.Close);
            turn.Set(PastClose, "yes");
            return new StepResult.GoTo(2);
        }
        var deal = await deals.CreateAsync(turn.Rep, new NewDeal(turn.Text(DialogKeys.Name)!.Trim(), turn.Money(DialogKeys.Amount))
        {
            Account = turn.Text(DialogKeys.Account),
            ExpectedClose = close,
            Stage = Enum.TryParse<DealStage>(turn.Text(DialogKeys.Stage), out var stage) ? stage : null,
        }, ct);
        DealCommands.Remember(turn.Memory, new UndoableChange.Created(deal.Id));
        return new StepResult.Done(replies.Created(deal, turn.Clock, turn.Language));
    }
}
