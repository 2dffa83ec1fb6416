using System.Text.RegularExpressions;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Intents;
using SalesCoachBot.Languages;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Understanding;

/// <summary>
/// What a message means, and whether the bot is sure enough to act on it without asking; for a message
/// read by the model, its two nearest intents with their scores; and the language it was read in.
/// </summary>
public sealed record Reading(Intent Intent, bool Sure)
{
    public Language Language { get; init; }

    public LabelScore? Best { get; init; }
    public LabelScore? Second { get; init; }
}

/// <summary>
/// Turns one message into an <see cref="Intent"/>: commands in their exact shape first; otherwise the
/// intent whose examples the message is nearest to, then its details read by that intent's own reader.
/// When the nearest intents are weak or close, it says so (<see cref="UnsureIntent"/>) instead of guessing.
/// </summary>
public sealed partial class UtteranceRecognizer(SalesContent content, UnderstandingModel model, IntentTable intents, IServiceProvider services)
{
    /// <summary>A nearest-examples score from which an intent is acted on, if no other is within <see cref="Margin"/>.</summary>
    public const float Confident = 0.32f;

    public const float Margin = 0.04f;

    /// <summary>Closing, reopening or deleting a deal on a misreading costs more: those need a clearer message.</summary>
    public const float ConfidentToClose = 0.42f;

    /// <summary>
    /// Showing something changes nothing, and a wrong look-up is cheaper than a question: a look-up with no
    /// rival near it is acted on from here ("show Zeta7x1", a deal name the sentence model has never seen).
    /// </summary>
    public const float ConfidentToLook = 0.27f;

    /// <summary>How far ahead of the next reading a look-up must be to act below <see cref="Confident"/>.</summary>
    public const float ClearLead = 0.08f;

    /// <summary>Below this, nothing fits: the bot says it is not sure what was meant.</summary>
    public const float Plausible = 0.22f;

    /// <summary>
    /// A message mostly in words no example uses (a keyboard mash, random letters) has no reading worth a question:
    /// unless the model is sure of one, the bot says it is not sure what was meant.
    /// </summary>
    public const float KnownWords = 0.5f;

    // A touch point that mentions what the prospect pushed back on is still a touch point, and the log keeps
    // their words: a log ahead of an objection is not a close call.
    private static bool LogOverObjection(LabelScore best, LabelScore second) =>
        best.Label == IntentIds.Log && second.Label == IntentIds.Objection;

    public Intent Recognize(string text, RecognitionContext context) => Read(text, context).Intent;

    /// <summary>The message read in the language it is written in, or the rep's (<see cref="RecognitionContext.Language"/>) when its words do not tell.</summary>
    public Reading Read(string text, RecognitionContext context)
    {
        var message = Clean(text);
        context = context with { Language = model.LanguageOf(message, context.DealNames) ?? context.Language };
        return ReadIn(message, context) with { Language = context.Language };
    }

    private Reading ReadIn(string message, RecognitionContext context)
    {
        if (ExactCommands.Read(message, (label, shape) => intents.Find(label)?.Read(services, new IntentText(message, context) { Exact = shape })) is { } exact)
            return new Reading(exact, true);
        if (content.Playbook.ByName(message) is { } named && !message.Contains(' '))
            return new Reading(new ObjectionIntent(named.Id, null, message), true);

        var vector = model.Embed(message);
        var ranked = model.RankIntents(vector, message, context.Language);
        var (best, second) = (ranked[0], ranked.Count > 1 ? ranked[1] : new LabelScore("", 0));
        if (best.Label == IntentIds.None && best.Score - second.Score >= Margin)
            return new Reading(new UnknownIntent(message) { Closest = Choices(ranked.Skip(1).ToList(), message, context, vector, DealMatcher.FindIn(message, context.DealNames)) }, false) { Best = best, Second = second };
        var risk = intents.Find(best.Label)?.Risk ?? IntentRisk.Normal;
        if ((best.Score >= (risk == IntentRisk.Closes ? ConfidentToClose : Confident) && (best.Score - second.Score >= Margin || LogOverObjection(best, second)))
            || (risk == IntentRisk.LookUp && best.Score >= ConfidentToLook && best.Score - second.Score >= ClearLead))
            return new Reading(Interpret(best.Label, message, context, vector), true) { Best = best, Second = second };

        var dealNamed = DealMatcher.FindIn(message, context.DealNames);
        var choices = Choices(ranked, message, context, vector, dealNamed);
        return best.Score >= Plausible && model.Words.KnownShare(message, dealNamed) >= KnownWords
            ? new Reading(new UnsureIntent(message, choices), false) { Best = best, Second = second }
            : new Reading(new UnknownIntent(message) { Closest = choices }, false) { Best = best, Second = second };
    }

    /// <summary>The message read as the given intent (or <c>objection:category</c>), its details read by that intent's reader.</summary>
    public Intent Interpret(string label, string text, RecognitionContext context, float[]? vector = null)
    {
        var message = Clean(text);
        var parts = label.Split(':', 2);
        var read = new IntentText(message, context) { Vector = vector, Detail = parts.Length > 1 ? parts[1] : null };
        return intents.Find(parts[0])?.Read(services, read) ?? new UnknownIntent(message);
    }

    private static string Clean(string text)
    {
        var message = Whitespace().Replace(text, " ").Trim().TrimEnd('.', '!');
        return SlashCommand().Replace(message, "");
    }

    // The top readings within reach of the best, each with its details, for the rep to pick from. Closing, reopening or
    // deleting a deal is offered only to a message that gave a sign of it, a deal named or a word of its own: a reading
    // near it by chance (a mash reads a little like everything) would put a destructive button in front of the rep.
    private List<IntentChoice> Choices(IReadOnlyList<LabelScore> ranked, string message, RecognitionContext context, float[] vector, string? dealNamed)
    {
        var choices = new List<IntentChoice>();
        bool Signalled(string label) => intents.Find(label)?.Risk != IntentRisk.Closes || dealNamed is not null || model.Words.PointsAt(label, message);
        foreach (var score in ranked.Where(s => s.Label != IntentIds.None && s.Score >= ranked[0].Score - 0.12f && Signalled(s.Label)).Take(3))
        {
            var intent = Interpret(score.Label, message, context, vector);
            var registration = intents.Of(intent);
            var label = registration?.Detail(intent) is { } detail ? $"{score.Label}:{detail}" : score.Label;
            choices.Add(new IntentChoice(label, registration?.Title(services, intent) ?? model.Content.LabelOf(score.Label), intent));
        }
        return choices;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^/?coach\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SlashCommand();
}
