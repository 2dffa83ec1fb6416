using SalesCoachBot.Deals;

namespace SalesCoachBot.Replies;

/// <summary>The keys of <c>dialogs/replies.yaml</c> the code says; start-up refuses a catalogue that lacks one.</summary>
public static partial class ReplyKeys
{
    public const string LanguageSet = "language-set";
    public const string ClarifyAsk = "clarify-ask";
    public const string ClarifyNotSure = "clarify-not-sure";
    public const string ClarifySomethingElse = "clarify-something-else";
    public const string ButtonSomethingElse = "button-something-else";
    public const string ButtonHelp = "button-help";
    public const string ButtonMyDeals = "button-my-deals";
    public const string ButtonMyPipeline = "button-my-pipeline";
    public const string ButtonMyGoals = "button-my-goals";
    public const string ButtonUndo = "button-undo";
    public const string ButtonMoveTo = "button-move-to";
    public const string DealCreated = "deal-created";
    public const string DealCreatedTitle = "deal-created-title";
    public const string FactAccount = "fact-account";
    public const string FactAmount = "fact-amount";
    public const string FactAmountNotSet = "fact-amount-not-set";
    public const string FactStage = "fact-stage";
    public const string FactExpectedClose = "fact-expected-close";
    public const string FactToMoveOn = "fact-to-move-on";
    public const string FactNextBestAction = "fact-next-best-action";
    public const string NoteNextBestAction = "note-next-best-action";
    public const string NoteTip = "note-tip";
    public const string HelpIntro = "help-intro";
    public const string ObjectionIntro = "objection-intro";
    public const string ObjectionTitle = "objection-title";
    public const string ObjectionAcknowledge = "objection-acknowledge";
    public const string ObjectionClarify = "objection-clarify";
    public const string ObjectionRespond = "objection-respond";
    public const string ObjectionConfirm = "objection-confirm";
    public const string ObjectionAtStage = "objection-at-stage";
    public const string ButtonAnotherObjection = "button-another-objection";
    public const string HelpStages = "help-stages";
    public const string HelpManagers = "help-managers";

    /// <summary>The lines of help, each an example and what it does (<c>help-log-example</c>, <c>help-log</c>).</summary>
    public static IReadOnlyList<string> HelpTopics { get; } = ["log", "new-deal", "move", "objection", "deals", "goals", "snooze", "undo"];

    public static string StageName(DealStage stage) => "stage-" + stage switch
    {
        DealStage.InitialContact => "initial-contact",
        DealStage.FollowUp => "follow-up",
        _ => stage.ToString().ToLowerInvariant(),
    };

    /// <summary>Every key the code says.</summary>
    public static IEnumerable<string> All =>
        typeof(ReplyKeys).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(HelpTopics.SelectMany(t => new[] { $"help-{t}-example", $"help-{t}" }))
            .Concat(Enum.GetValues<DealStage>().Select(StageName))
            .Concat(ProactiveKeys);
}
