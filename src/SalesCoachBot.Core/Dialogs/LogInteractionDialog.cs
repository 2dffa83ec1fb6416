using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Interactions;
using SalesCoachBot.Objections;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Dialogs;

/// <summary>
/// Logs a call, e-mail, meeting, demo or note: finds the deal (asking when unclear, offering to create
/// it when unknown), shows what was understood, and saves only on Confirm. Edit changes one field.
/// </summary>
public sealed partial class LogInteractionDialog(DealService deals, InteractionService interactions, ObjectionPlaybook playbook, DateRecognizer dates, UnderstandingModel understanding, Nudges.ReminderPlanner reminders) : Dialog
{
    public const string Name = "log-interaction";
    private const string ConfirmKey = "confirm";
    private static readonly string[] ConfirmChoices = ["Confirm", "Edit", "Cancel"];
    private static readonly string[] Fields = ["Deal", "Type", "When", "Summary", "Next step"];

    /// <summary>The same log again within this is more likely a double send than a second call.</summary>
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(30);

    public override string Id => Name;

    public override string Help => "I'm logging an interaction: confirm it, edit a field, or say \"cancel\".";

    public override IReadOnlyList<Func<DialogTurn, CancellationToken, Task<StepResult>>> Steps =>
        [FindDealAsync, AfterDealAnswerAsync, ShowUnderstoodAsync, AfterConfirmAsync, AskForFieldAsync, ApplyEditAsync];

    public override string? DroppedNote(DialogTurn turn, Prompt waiting)
    {
        var kind = Kind(turn).ToString().ToLowerInvariant();
        var on = turn.Text(DialogKeys.DealName) is { } deal ? $" on {deal}" : "";
        return waiting.Key == ConfirmKey
            ? $"Not saved: the {kind}{on} — say \"log it\" to keep it."
            : $"Not saved: the {kind}{on} — say \"log {(kind is "email" ? "an" : "a")} {kind}\" to start again.";
    }

    // "Which deal?" is answered by naming one of the rep's deals, however briefly ("kestrel"), not taken for a look-up of it.
    public override async Task<bool> AnswersAsync(DialogTurn turn, Prompt waiting, string text, CancellationToken cancellationToken) =>
        (waiting.Key == DialogKeys.DealQuery || (waiting.Key == DialogKeys.Edit && turn.Text(DialogKeys.Field) == "Deal"))
        && await deals.FindAsync(turn.Rep, text, cancellationToken) is not DealMatch.None;

    public override string? Resumes(string text, Prompt waiting) => waiting.Key == ConfirmKey && KeepIt().IsMatch(text.Trim()) ? "Confirm" : null;

    private async Task<StepResult> FindDealAsync(DialogTurn turn, CancellationToken ct)
    {
        if (turn.Has(DialogKeys.DealId))
            return new StepResult.GoTo(2);
        if (!turn.Has(DialogKeys.DealQuery))
            return await AskWhichDealAsync(turn, "Which deal was this for? Type its name.", ct);
        if (ChosenId().Match(turn.Text(DialogKeys.DealQuery)!) is { Success: true } chosen &&
            await deals.GetAsync(turn.Rep, long.Parse(chosen.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), ct) is { } picked)
        {
            turn.Set(DialogKeys.DealId, picked.Id);
            return new StepResult.GoTo(2);
        }
        switch (await deals.FindAsync(turn.Rep, turn.Text(DialogKeys.DealQuery)!, ct))
        {
            case DealMatch.One one:
                turn.Set(DialogKeys.DealId, one.Deal.Id);
                return new StepResult.GoTo(2);
            case DealMatch.Several several:
                // Deals that share a name are told apart by their number, so the choice cannot match several again.
                var shared = several.Deals.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1);
                return Prompts.Choice(DialogKeys.DealQuery, new Reply($"More than one deal matches \"{turn.Text(DialogKeys.DealQuery)}\". Which one?"),
                    [.. several.Deals.Select(d => shared ? $"{d.Name} ({d.Stage.DisplayName()}, #{d.Id})" : d.Name)]);
            // A number no button has is a miss of the list, not a deal's name.
            case var _ when !turn.Text(DialogKeys.DealQuery)!.Any(char.IsLetter):
                var missed = turn.Text(DialogKeys.DealQuery);
                turn.Remove(DialogKeys.DealQuery);
                return await AskWhichDealAsync(turn, $"\"{missed}\" is not one of the choices. Which deal was this for? Type its name.", ct);
            default:
                return Prompts.YesNo(DialogKeys.CreateDeal, new Reply($"I don't have a deal called \"{turn.Text(DialogKeys.DealQuery)}\". Create it and log this on it?"));
        }
    }

    // Free text, so any deal can be named (or a new one); the most recent ones are a tap away.
    private async Task<StepResult> AskWhichDealAsync(DialogTurn turn, string question, CancellationToken ct)
    {
        var open = await deals.OpenDealsAsync(turn.Rep, ct);
        return new StepResult.Ask(new Prompt(PromptKind.Text, DialogKeys.DealQuery,
            new Reply(question) { Buttons = [.. open.Take(8).Select(d => new ReplyButton(d.Name, d.Name))] },
            "Type the deal's name."));
    }

    private async Task<StepResult> AfterDealAnswerAsync(DialogTurn turn, CancellationToken ct)
    {
        if (!turn.Has(DialogKeys.CreateDeal))
            return new StepResult.GoTo(0);
        var create = PromptAnswers.IsYes(turn.Text(DialogKeys.CreateDeal));
        turn.Remove(DialogKeys.CreateDeal);
        if (!create)
            return new StepResult.Done(new Reply("OK, nothing saved. Say the deal's name, or \"my deals\" to see them."));
        var deal = await deals.CreateAsync(turn.Rep, new NewDeal(turn.Text(DialogKeys.DealQuery)!, null), ct);
        turn.Set(DialogKeys.DealId, deal.Id);
        return StepResult.Continue;
    }

    private async Task<StepResult> ShowUnderstoodAsync(DialogTurn turn, CancellationToken ct)
    {
        var deal = await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct);
        if (deal is null)
            return new StepResult.Done(new Reply("That deal is gone, so nothing was saved."));
        var kind = Kind(turn);
        turn.Set(DialogKeys.DealName, deal.Name);
        var facts = new List<Fact>
        {
            new("Deal", $"{deal.Name} ({deal.Stage.DisplayName()})"),
            new("Type", kind.ToString()),
            new("When", Dates.Describe(When(turn), turn.Clock, turn.Has(DialogKeys.WhenHasTime))),
            new("Summary", turn.Text(DialogKeys.Summary) ?? ""),
        };
        if (NextStep(turn) is { } step)
        {
            var due = turn.LocalDateTime(DialogKeys.NextDue) is { } day ? Dates.Describe(day, turn.Clock) : null;
            facts.Add(new("Next step", due is null ? step : await reminders.CanRemindAsync(turn.Rep, ct) ? $"{step} (reminder {due})" : $"{step} (due {due})"));
        }
        var header = $"Log this {kind.ToString().ToLowerInvariant()}?";
        var card = await interactions.SameLoggedWithinAsync(deal.Id, turn.Text(DialogKeys.Summary) ?? "", RepeatWindow, ct) is { } ago
            ? new Reply($"You logged exactly this on {deal.Name} {Math.Max(1, (int)ago.TotalMinutes)} min ago. Log it again?") { Title = header }
            : new Reply(header);
        return Prompts.Choice(ConfirmKey, card with { Facts = facts }, ConfirmChoices);
    }

    private async Task<StepResult> AfterConfirmAsync(DialogTurn turn, CancellationToken ct)
    {
        var answer = turn.Text(ConfirmKey);
        turn.Remove(ConfirmKey);
        return answer switch
        {
            "Confirm" => new StepResult.Done(await SaveAsync(turn, ct)),
            "Edit" => Prompts.Choice(DialogKeys.Field, new Reply("What should I change?"), Fields),
            _ => new StepResult.Done(new Reply("OK, nothing saved.")),
        };
    }

    private Task<StepResult> AskForFieldAsync(DialogTurn turn, CancellationToken ct) => Task.FromResult(turn.Text(DialogKeys.Field) switch
    {
        "Deal" => Prompts.Text(DialogKeys.Edit, "Which deal was it?"),
        "Type" => Prompts.Choice(DialogKeys.Edit, new Reply("What kind of interaction?"), Enum.GetNames<InteractionKind>()),
        "When" => Prompts.Date(DialogKeys.Edit, "When was it? (e.g. \"yesterday 2pm\", \"Monday\")", DateLean.Past),
        "Summary" => Prompts.Text(DialogKeys.Edit, "What happened, in a sentence?"),
        _ => Prompts.Text(DialogKeys.Edit, "What's the next step, with a date if there is one (e.g. \"send pricing by Friday\")? Or \"none\"."),
    });

    private Task<StepResult> ApplyEditAsync(DialogTurn turn, CancellationToken ct)
    {
        var value = turn.Text(DialogKeys.Edit)!;
        switch (turn.Text(DialogKeys.Field))
        {
            case "Deal":
                turn.Remove(DialogKeys.DealId);
                turn.Set(DialogKeys.DealQuery, value);
                turn.Remove(DialogKeys.Edit, DialogKeys.Field);
                return Task.FromResult<StepResult>(new StepResult.GoTo(0));
            case "Type":
                turn.Set(DialogKeys.Kind, value);
                break;
            case "When":
                turn.Set(DialogKeys.When, value);
                turn.Set(DialogKeys.WhenHasTime, turn.LocalDateTime(DialogKeys.Edit)!.Value.TimeOfDay != TimeSpan.Zero ? "yes" : null);
                break;
            case "Summary":
                turn.Set(DialogKeys.Summary, value);
                break;
            default:
                SetNextStep(turn, value);
                break;
        }
        turn.Remove(DialogKeys.Edit, DialogKeys.Field);
        return Task.FromResult<StepResult>(new StepResult.GoTo(2));
    }

    private void SetNextStep(DialogTurn turn, string text)
    {
        turn.Remove(DialogKeys.NextStep, DialogKeys.NextDue, DialogKeys.NextHasTime);
        if (text.Trim().ToLowerInvariant() is "none" or "no" or "-")
            return;
        turn.Set(DialogKeys.NextStep, text.Trim());
        if (dates.Find(text, turn.Clock.LocalNow, DateLean.Future) is { } due)
        {
            turn.Set(DialogKeys.NextDue, due.Local);
            turn.Set(DialogKeys.NextHasTime, due.HasTime ? "yes" : null);
        }
    }

    private async Task<Reply> SaveAsync(DialogTurn turn, CancellationToken ct)
    {
        var deal = await deals.GetAsync(turn.Rep, turn.Long(DialogKeys.DealId)!.Value, ct);
        if (deal is null)
            return new Reply("That deal is gone, so nothing was saved.");
        var due = turn.LocalDateTime(DialogKeys.NextDue);
        var lastActivity = deal.LastActivityAt;
        var logged = new LoggedInteraction(Kind(turn), turn.Clock.ToInstant(When(turn)), turn.Text(DialogKeys.Summary) ?? "")
        {
            NextStep = NextStep(turn),
            NextStepDueOn = due is { } day ? DateOnly.FromDateTime(day) : null,
            NextStepDueAt = due is { } at && turn.Has(DialogKeys.NextHasTime) ? turn.Clock.ToInstant(at) : null,
        };
        var (interaction, followUp, replaced) = await interactions.LogAsync(turn.Rep, deal, logged, ct);
        DealCommands.Remember(turn.Memory, new UndoableChange.Logged(interaction.Id, logged.Kind, deal.Name, lastActivity, replaced));

        var text = $"Logged: {logged.Kind.ToString().ToLowerInvariant()} on {deal.Name}, {Dates.Describe(When(turn), turn.Clock)}.";
        // Only Teams and Slack deliver reminders: a rep reached nowhere else is told where it will come, and when.
        if (followUp is not null)
            text += await reminders.CanRemindAsync(turn.Rep, ct)
                ? $" I'll remind you {Dates.Describe(followUp.DueOn, turn.Clock)}: {followUp.Note}."
                : $" Next step {Dates.Describe(followUp.DueOn, turn.Clock)}: {followUp.Note}. I'll remind you in Teams or Slack once you've messaged me there.";
        if (replaced.Count > 0)
            text += $" It replaces the earlier next step ({string.Join("; ", replaced.Select(r => r.Note))}); say \"also\" with a step to keep both.";
        var buttons = new List<ReplyButton> { new("Undo", "undo"), new("My deals", "my deals") };
        if (understanding.ObjectionIn(logged.Summary) is { } id && playbook.Get(id) is { } objection)
            buttons.Insert(0, new($"Tips: {objection.Name}", $"objection {objection.Id} for {deal.Name}"));
        return new Reply(text) { Buttons = buttons };
    }

    private static string? NextStep(DialogTurn turn) => turn.Text(DialogKeys.NextStep) is { } step ? NextSteps.Clean(step) : null;

    private static InteractionKind Kind(DialogTurn turn) =>
        Enum.TryParse<InteractionKind>(turn.Text(DialogKeys.Kind), ignoreCase: true, out var kind) ? kind : InteractionKind.Note;

    private static DateTime When(DialogTurn turn) => turn.LocalDateTime(DialogKeys.When) ?? turn.Clock.LocalNow;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(log it|keep it|save it)[.!]*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex KeepIt();

    [System.Text.RegularExpressions.GeneratedRegex(@"#(\d+)\)$")]
    private static partial System.Text.RegularExpressions.Regex ChosenId();
}
