using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Conversations;

/// <summary>Asking what a message meant, with the likeliest readings as buttons; the rep's pick is learned.</summary>
public static class ClarifyReplies
{
    public const string SomethingElse = "Something else";

    public static Reply Ask(UnsureIntent unsure, ConversationMemory memory) =>
        Offer(unsure.Text, unsure.Choices, memory, $"I want to get this right. Did you mean one of these?");

    public static Reply NotSure(UnknownIntent unknown, ConversationMemory memory) =>
        Offer(unknown.Text, unknown.Closest, memory, $"I'm not sure what you meant by “{Shorten(unknown.Text)}”. The closest things I can do:");

    public static Reply SaySomethingElse() =>
        new("OK. Say it in other words, or see what I can do.") { Buttons = [new("Help", "help"), new("My deals", "my deals")] };

    private static Reply Offer(string text, IReadOnlyList<IntentChoice> choices, ConversationMemory memory, string question)
    {
        var distinct = choices.DistinctBy(c => c.Title).ToList();
        memory.Clarification = new Clarification
        {
            Text = text,
            Choices = [.. distinct.Select(c => new ClarificationChoice { Label = c.Label, Title = c.Title })],
        };
        return new(question)
        {
            Buttons = [.. distinct.Select(c => new ReplyButton(c.Title, c.Title)), new(SomethingElse, SomethingElse), new("Help", "help")],
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
