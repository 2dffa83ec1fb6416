using SalesCoachBot.Languages;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Conversations;

/// <summary>Asking what a message meant, with the likeliest readings as buttons; the rep's pick is learned.</summary>
public static class ClarifyReplies
{
    /// <summary>Whether the message is the "Something else" button, in any language.</summary>
    public static bool IsSomethingElse(string text, ReplyCatalog catalog) =>
        catalog.Languages.Any(l => text.Trim().Equals(catalog.Say(l, ReplyKeys.ButtonSomethingElse), StringComparison.OrdinalIgnoreCase));

    public static Reply Ask(UnsureIntent unsure, ConversationMemory memory, ReplyCatalog catalog, Language language) =>
        Offer(unsure.Text, unsure.Choices, memory, catalog, language, catalog.Say(language, ReplyKeys.ClarifyAsk));

    public static Reply NotSure(UnknownIntent unknown, ConversationMemory memory, ReplyCatalog catalog, Language language) =>
        Offer(unknown.Text, unknown.Closest, memory, catalog, language, catalog.Say(language, ReplyKeys.ClarifyNotSure, ("text", Shorten(unknown.Text))));

    public static Reply SaySomethingElse(ReplyCatalog catalog, Language language) =>
        new(catalog.Say(language, ReplyKeys.ClarifySomethingElse))
        {
            Buttons = [new(catalog.Say(language, ReplyKeys.ButtonHelp), "help"), new(catalog.Say(language, ReplyKeys.ButtonMyDeals), "my deals")],
        };

    private static Reply Offer(string text, IReadOnlyList<IntentChoice> choices, ConversationMemory memory, ReplyCatalog catalog, Language language, string question)
    {
        var distinct = choices.DistinctBy(c => c.Title).ToList();
        memory.Clarification = new Clarification
        {
            Text = text,
            Choices = [.. distinct.Select(c => new ClarificationChoice { Label = c.Label, Title = c.Title })],
        };
        var somethingElse = catalog.Say(language, ReplyKeys.ButtonSomethingElse);
        return new(question)
        {
            Buttons = [.. distinct.Select(c => new ReplyButton(c.Title, c.Title)), new(somethingElse, somethingElse), new(catalog.Say(language, ReplyKeys.ButtonHelp), "help")],
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
