namespace SalesCoachBot.Understanding;

/// <summary>The labels of the built-in intents, as <c>dialogs/understanding.yaml</c> gives examples for them.</summary>
public static class IntentIds
{
    public const string Log = "log";
    public const string NewDeal = "new-deal";
    public const string Move = "move";
    public const string Won = "won";
    public const string Lost = "lost";
    public const string Objection = "objection";
    public const string ShowDeal = "show-deal";
    public const string ListDeals = "list-deals";
    public const string Pipeline = "pipeline";
    public const string Stalled = "stalled";
    public const string Overdue = "overdue";
    public const string EditDeal = "edit-deal";
    public const string Reopen = "reopen";
    public const string DeleteDeal = "delete-deal";
    public const string GoalSet = "goal-set";
    public const string GoalShow = "goal-show";
    public const string Numbers = "numbers";
    public const string Snooze = "snooze";
    public const string PauseNudges = "pause-nudges";
    public const string ResumeNudges = "resume-nudges";
    public const string StageTips = "stage-tips";
    public const string Team = "team";
    public const string DigestSubscribe = "digest-subscribe";
    public const string DigestStop = "digest-stop";
    public const string TimeZoneSet = "timezone-set";
    public const string TimeZoneShow = "timezone-show";
    public const string AccountsShow = "accounts-show";
    public const string Undo = "undo";
    public const string Cancel = "cancel";
    public const string Help = "help";
    public const string Thanks = "thanks";

    /// <summary>Messages the bot is not for (small talk, weather): learned too, so they are not forced onto an intent.</summary>
    public const string None = "none";

    /// <summary>The label of an objection of one category in labelled sets: <c>objection:price</c>.</summary>
    public static string ObjectionOf(string category) => $"{Objection}:{category}";
}
