using SalesCoachBot.Deals;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Intents;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Telemetry;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Conversations;

/// <summary>
/// Answers one message from one rep: identifies them, lets a running dialog take the answer, and
/// otherwise understands the message afresh and acts on it through the intent's registration.
/// </summary>
public sealed class Conversation(
    RepDirectory reps,
    DealService deals,
    UtteranceRecognizer recognizer,
    DialogRunner dialogs,
    IntentTable intents,
    IServiceProvider services,
    LearnedExamples learned,
    RepClockFactory clocks,
    TurnIntent understood,
    DateRecognizer dates,
    AmountRecognizer amounts,
    UnderstandingModel model,
    ReplyCatalog catalog)
{
    public async Task<Reply> RespondAsync(ChannelIdentity who, string text, ConversationMemory memory, CancellationToken cancellationToken, ConversationPlace? place = null)
    {
        var rep = await reps.IdentifyAsync(who, cancellationToken);
        text = PressedButton(text, memory);
        if (LanguageSwitch.Read(text) is { } asked)
        {
            await reps.SetLanguageAsync(rep, asked, cancellationToken);
            return new Reply(catalog.Say(asked, ReplyKeys.LanguageSet));
        }
        var dealNames = (await deals.OpenDealsAsync(rep, cancellationToken)).Select(d => d.Name).ToList();
        var language = await LanguageOfAsync(rep, text, dealNames, memory.LastButtons.Contains(text), cancellationToken);
        var turn = new RepTurn(rep, clocks.For(rep), memory) { Place = place, Text = text, Language = language };
        var context = new RecognitionContext(turn.Clock.LocalNow, dealNames) { Language = language };

        var reply = Doubt(text, turn) ?? await dialogs.ResumeAsync(text, turn, cancellationToken) ?? await ClarifiedAsync(turn, text, context, cancellationToken);
        if (reply is null)
        {
            Reading? reading = null;
            Reading Read() => reading ??= Noted(recognizer.Read(text, context));
            reply = await dialogs.ContinueAsync(text, turn, (_, kind) => Interrupts(Read(), kind), cancellationToken)
                    ?? dialogs.SayDropped(turn, await ActAsync(turn, Read().Intent, cancellationToken));
        }
        memory.LastButtons = [.. reply.Buttons.Select(b => b.Message)];
        return reply;
    }

    // A message is answered in the language it is written in, which the rep is then spoken to in; one whose words do
    // not tell (a deal name, "ok") or a button pressed (its message is a command in English) in the rep's.
    private async Task<Language> LanguageOfAsync(Reps.Rep rep, string text, IReadOnlyList<string> dealNames, bool pressed, CancellationToken cancellationToken)
    {
        if (pressed || model.LanguageOf(text, dealNames) is not { } written)
            return rep.Language ?? Language.English;
        await reps.SetLanguageAsync(rep, written, cancellationToken);
        return written;
    }

    private Reading Noted(Reading reading) => understood.Noted(reading, intents.LabelOf(reading.Intent));

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
        if (CommandWords.IsCancel(text))
            return new Reply($"OK, question dropped: nothing was done about “{open.Text}”.");
        if (ClarifyReplies.IsSomethingElse(text, catalog))
            return ClarifyReplies.SaySomethingElse(catalog, turn.Language);
        if (open.Choices.FirstOrDefault(c => c.Title.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } picked)
            return null;
        await learned.LearnAsync(turn.Rep, picked.Label, open.Text, cancellationToken);
        understood.Picked(picked.Label);
        return await ActAsync(turn, recognizer.Interpret(picked.Label, open.Text, context), cancellationToken);
    }

    // Doubt is the reading policy's own to answer; every intent is its registration's.
    private Task<Reply> ActAsync(RepTurn turn, Intent intent, CancellationToken cancellationToken) => intent switch
    {
        UnsureIntent unsure => Task.FromResult(ClarifyReplies.Ask(unsure, turn.Memory, catalog, turn.Language)),
        IncompleteIntent incomplete => Task.FromResult(new Reply(incomplete.Hint)),
        _ => (intents.Of(intent) ?? throw new InvalidOperationException($"No intent registration claims {intent.GetType().Name}."))
            .ActAsync(services, turn, intent, cancellationToken),
    };

    // An answer that does not fit the question, or any answer to a free-text question, gives way only to
    // what is clearly something else: a command in its exact shape, or a sure reading that names a deal.
    // A yes/no question fits nothing but yes or no, so any sure reading is something else there.
    private bool Interrupts(Reading reading, PromptKind kind) =>
        reading.Sure && intents.Of(reading.Intent) is { Interrupts: true } registration
        && (reading.Best is null || kind == PromptKind.YesNo || registration.NamesADeal(reading.Intent));

    // "2" after a reply with buttons stands for the second button, as the terminal shows them numbered, whatever the
    // question: a free-text question that lists choices ("which deal?") means them as much as a choice question does.
    private static string PressedButton(string text, ConversationMemory memory) =>
        int.TryParse(text.Trim(), out var number) && number >= 1 && number <= memory.LastButtons.Count
            ? memory.LastButtons[number - 1]
            : text;
}
