using SalesCoachBot.Deals;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Conversations;

public static class HelpReplies
{
    public static Reply Help() => new("Keep your pipeline honest without opening a CRM. Here is what you can tell me:")
    {
        Title = "SalesCoachBot",
        Facts =
        [
            new("new deal Acme Corp $45,000", "create a deal, starting in Prospecting"),
            new("my deals", "your open deals with stage, amount and days since last activity"),
            new("move Acme to discovery", "move a deal to another stage, or to won or lost"),
            new("undo", "take back your last move"),
        ],
        Notes = [$"Stages: {string.Join(" → ", StageNames.All.Where(s => !s.IsClosed()).Select(s => s.DisplayName()))}, then Won or Lost."],
        Buttons = [new("My deals", "my deals"), new("Help", "help")],
    };

    public static Reply Welcome() => Help() with { Title = "Hi, I'm SalesCoachBot 👋" };

    public static Reply NotUnderstood(string text) =>
        new($"Sorry, I didn't understand \"{Shorten(text)}\". Try \"my deals\", \"new deal Acme Corp $45,000\" or \"move Acme to proposal\".")
        {
            Buttons = [new("My deals", "my deals"), new("Help", "help")],
        };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
