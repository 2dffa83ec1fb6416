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
            new("called Acme yesterday, they want pricing by Friday", "log a call, e-mail, meeting, demo or note, with a next step I'll remind you of"),
            new("new deal Acme Corp $45,000 closing end of month", "create a deal (or just \"new deal\" and I'll ask)"),
            new("move Acme to discovery", "move a deal to another stage, or to won or lost"),
            new("they say we're too expensive", "objection-handling tips; add \"for Acme\" for its stage"),
            new("my deals · my pipeline", "open deals with amounts and days idle; the pipeline by stage, stalled ones flagged"),
            new("goal: 20 calls a week · my goals · my numbers", "set a goal and see progress; your win rate, time to close, deal size"),
            new("snooze Acme 1 week · pause nudges for 2 weeks", "quiet a deal, or all nudges, for a while"),
            new("undo · cancel", "take back your last change; stop a question"),
        ],
        Notes =
        [
            $"Stages: {string.Join(" → ", StageNames.Open.Select(s => s.DisplayName()))}, then Won or Lost.",
            "Managers: add bob@example.com to my team · send the stalled-deal digest here every Monday at 9. Admins: make carol@example.com a manager · move bob@example.com to carol@example.com's team.",
        ],
        Buttons = [new("My deals", "my deals"), new("My pipeline", "my pipeline"), new("My goals", "my goals")],
    };

    public static Reply Welcome() => Help() with { Title = "Hi, I'm SalesCoachBot 👋" };

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
