namespace SalesCoachBot.Understanding.Evaluation;

/// <summary>The label a reading carries in a labelled set: an intent id, <c>objection:category</c>, or unsure/unknown.</summary>
public static class IntentLabels
{
    public const string Unsure = "unsure";
    public const string Unknown = "unknown";

    public static string Of(Intent intent) => intent switch
    {
        HelpIntent => IntentIds.Help,
        CancelIntent => IntentIds.Cancel,
        UndoIntent => IntentIds.Undo,
        ThanksIntent => IntentIds.Thanks,
        ListDealsIntent => IntentIds.ListDeals,
        PipelineIntent => IntentIds.Pipeline,
        StalledDealsIntent => IntentIds.Stalled,
        OverdueIntent => IntentIds.Overdue,
        NewDealIntent => IntentIds.NewDeal,
        MoveDealIntent { StageText: "won" } => IntentIds.Won,
        MoveDealIntent { StageText: "lost" } => IntentIds.Lost,
        MoveDealIntent => IntentIds.Move,
        LogInteractionIntent => IntentIds.Log,
        ObjectionIntent { CategoryId: { } category } => IntentIds.ObjectionOf(category),
        ObjectionIntent => IntentIds.Objection,
        ShowDealIntent => IntentIds.ShowDeal,
        EditDealIntent => IntentIds.EditDeal,
        ReopenDealIntent => IntentIds.Reopen,
        DeleteDealIntent => IntentIds.DeleteDeal,
        SetGoalIntent => IntentIds.GoalSet,
        ShowGoalsIntent => IntentIds.GoalShow,
        NumbersIntent => IntentIds.Numbers,
        SnoozeIntent => IntentIds.Snooze,
        PauseNudgesIntent => IntentIds.PauseNudges,
        ResumeNudgesIntent => IntentIds.ResumeNudges,
        StageTipsIntent => IntentIds.StageTips,
        TeamIntent or ManagerRoleIntent or MoveToTeamIntent => IntentIds.Team,
        SubscribeDigestIntent => IntentIds.DigestSubscribe,
        StopDigestIntent => IntentIds.DigestStop,
        SetTimeZoneIntent => IntentIds.TimeZoneSet,
        ShowTimeZoneIntent => IntentIds.TimeZoneShow,
        IncompleteIntent incomplete => incomplete.IntentId,
        UnsureIntent => Unsure,
        _ => Unknown,
    };

    /// <summary>The intent part of a label: <c>objection:price</c> → <c>objection</c>.</summary>
    public static string IntentOf(string label) => label.Split(':', 2)[0];
}
