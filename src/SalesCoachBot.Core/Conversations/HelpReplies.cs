using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Conversations;

public static class HelpReplies
{
    public static Reply Help(ReplyCatalog catalog, Language language)
    {
        string Say(string key, params (string, string)[] values) => catalog.Say(language, key, values);
        return new(Say(ReplyKeys.HelpIntro))
        {
            Title = "SalesCoachBot",
            Facts = [.. ReplyKeys.HelpTopics.Select(t => new Fact(Say($"help-{t}-example"), Say($"help-{t}")))],
            Notes =
            [
                Say(ReplyKeys.HelpStages, ("stages", string.Join(" → ", StageNames.Open.Select(s => catalog.Stage(language, s))))),
                Say(ReplyKeys.HelpManagers),
            ],
            Buttons = [new(Say(ReplyKeys.ButtonMyDeals), "my deals"), new(Say(ReplyKeys.ButtonMyPipeline), "my pipeline"), new(Say(ReplyKeys.ButtonMyGoals), "my goals")],
        };
    }

    public static Reply Welcome(ReplyCatalog catalog, Language language) => Help(catalog, language) with { Title = "Hi, I'm SalesCoachBot 👋" };

    /// <summary>What every channel says when a turn fails; the details go to the log.</summary>
    public static Reply Apology { get; } = new("Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.");

    /// <summary>A message whose changes were saved while its answer was lost with the host that ran it.</summary>
    public static Reply CutShort { get; } = new("I saved what you said in your last message, but my answer to it was cut short. Say “my deals” to see where things stand.");

    /// <summary>A message that was only an attachment.</summary>
    public static Reply AttachmentOnly(IReadOnlyList<string> files) =>
        new($"{AttachmentNote(files)} Tell me in words what to log, e.g. \"sent Acme the signed order form\".");

    /// <summary>The line added to an answer when the message came with attachments.</summary>
    public static string AttachmentNote(IReadOnlyList<string> files) => files.Count == 0
        ? "I read messages, not attachments."
        : $"I read messages, not attachments: {string.Join(", ", files)} {(files.Count == 1 ? "isn't" : "aren't")} stored.";
}
