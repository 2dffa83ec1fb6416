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
    public const string ObjectionSeveralDeals = "objection-several-deals";
    public const string ObjectionDealAtStage = "objection-deal-at-stage";
    public const string ObjectionNoDeal = "objection-no-deal";
    public const string ObjectionNameTheDeal = "objection-name-the-deal";
    public const string ButtonAnotherObjection = "button-another-objection";
    public const string HelpStages = "help-stages";
    public const string HelpManagers = "help-managers";
    public const string ClosedWon = "closed-won";
    public const string ClosedLost = "closed-lost";
    public const string ClosedAskWon = "closed-ask-won";
    public const string ClosedAskLost = "closed-ask-lost";
    public const string ClosedAskOther = "closed-ask-other";
    public const string ClosedCancelled = "closed-cancelled";
    public const string ClosedDroppedWon = "closed-dropped-won";
    public const string ClosedDroppedLost = "closed-dropped-lost";
    public const string ClosedTheDeal = "closed-the-deal";
    public const string ClosedNoReason = "closed-no-reason";
    public const string ClosedChanged = "closed-changed";
    public const string ClosedNotedWon = "closed-noted-won";
    public const string ClosedNotedLost = "closed-noted-lost";
    public const string ClosedLostWithReason = "closed-lost-with-reason";
    public const string TotalsNoAmounts = "totals-no-amounts";
    public const string ButtonNewDeal = "button-new-deal";
    public const string ButtonLogCallWith = "button-log-call-with";
    public const string PipelineEmpty = "pipeline-empty";
    public const string PipelineTitle = "pipeline-title";
    public const string PipelineSummaryOne = "pipeline-summary-one";
    public const string PipelineSummary = "pipeline-summary";
    public const string PipelineStalledDeal = "pipeline-stalled-deal";
    public const string PipelineNothingStalled = "pipeline-nothing-stalled";
    public const string PipelineStalled = "pipeline-stalled";
    public const string PipelineStalledIdle = "pipeline-stalled-idle";
    public const string ButtonYes = "button-yes";
    public const string ButtonNo = "button-no";
    public const string SkipTheDeal = "skip-the-deal";
    public const string SkipGone = "skip-gone";
    public const string SkipAskDelete = "skip-ask-delete";
    public const string SkipAskReopen = "skip-ask-reopen";
    public const string SkipAskSkip = "skip-ask-skip";
    public const string SkipStays = "skip-stays";
    public const string SkipStaysIn = "skip-stays-in";
    public const string SkipDeleted = "skip-deleted";
    public const string SkipDroppedDelete = "skip-dropped-delete";
    public const string SkipDroppedMove = "skip-dropped-move";

    /// <summary>The fixed reasons a deal is lost, in the order they are offered (<c>lost-reason-price</c>).</summary>
    public static IReadOnlyList<string> LostReasons { get; } = ["price", "competitor", "no-decision", "no-budget", "timing", "not-a-fit", "other"];

    public static string LostReason(int index) => "lost-reason-" + LostReasons[index];

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
            .Concat(LostReasons.Select((_, i) => LostReason(i)))
            .Concat(Enum.GetValues<DealStage>().Select(StageName))
            .Concat(ProactiveKeys);
}
