using SalesCoachBot.Interactions;

namespace SalesCoachBot.Replies;

/// <summary>The keys of the messages the bot sends on its own: nudges, reminders, escalations, check-ins, after-sale check-ins, the manager's digest.</summary>
public static partial class ReplyKeys
{
    public const string NudgeTitle = "nudge-title";
    public const string NudgeTextLearned = "nudge-text-learned";
    public const string NudgeTextDefault = "nudge-text-default";
    public const string NudgeFactStallsAfter = "nudge-fact-stalls-after";
    public const string NudgeStallsAfter = "nudge-stalls-after";
    public const string NudgeSourceLearned = "nudge-source-learned";
    public const string NudgeSourceDefault = "nudge-source-default";
    public const string NudgeButtonLog = "nudge-button-log";
    public const string NudgeButtonSnooze3Days = "nudge-button-snooze-3-days";
    public const string NudgeButtonSnooze1Week = "nudge-button-snooze-1-week";
    public const string NudgeButtonMarkLost = "nudge-button-mark-lost";
    public const string NudgeButtonTip = "nudge-button-tip";
    public const string NudgeSummaryOne = "nudge-summary-one";
    public const string NudgeSummaryMany = "nudge-summary-many";
    public const string NudgeSummaryTitle = "nudge-summary-title";
    public const string NudgeSummaryDeal = "nudge-summary-deal";
    public const string NudgeSummaryMore = "nudge-summary-more";
    public const string NudgeButtonStalledDeals = "nudge-button-stalled-deals";
    public const string ReminderToday = "reminder-today";
    public const string ReminderDue = "reminder-due";
    public const string ReminderTitle = "reminder-title";
    public const string ReminderFactWhen = "reminder-fact-when";
    public const string ReminderButtonLog = "reminder-button-log";
    public const string EscalationNotice = "escalation-notice";
    public const string EscalationNoticeTitle = "escalation-notice-title";
    public const string EscalationText = "escalation-text";
    public const string EscalationTitle = "escalation-title";
    public const string EscalationFactRep = "escalation-fact-rep";
    public const string EscalationFactIdle = "escalation-fact-idle";
    public const string EscalationFactLastActivity = "escalation-fact-last-activity";
    public const string EscalationFactNudgesSent = "escalation-fact-nudges-sent";
    public const string EscalationStage = "escalation-stage";
    public const string EscalationDays = "escalation-days";
    public const string EscalationLastNone = "escalation-last-none";
    public const string EscalationNudgesNone = "escalation-nudges-none";
    public const string EscalationButtonTeamPipeline = "escalation-button-team-pipeline";
    public const string EscalationButtonHowIs = "escalation-button-how-is";
    public const string CheckinTitle = "checkin-title";
    public const string CheckinFactLastWeek = "checkin-fact-last-week";
    public const string CheckinLastWeekOne = "checkin-last-week-one";
    public const string CheckinLastWeekMany = "checkin-last-week-many";
    public const string CheckinAnd = "checkin-and";
    public const string AftersaleButtonLog = "aftersale-button-log";
    public const string AftersaleButtonNewDeal = "aftersale-button-new-deal";
    public const string DigestTitle = "digest-title";
    public const string DigestNone = "digest-none";
    public const string DigestSummary = "digest-summary";
    public const string DigestDealsOne = "digest-deals-one";
    public const string DigestDealsMany = "digest-deals-many";
    public const string DigestRepsOne = "digest-reps-one";
    public const string DigestRepsMany = "digest-reps-many";
    public const string DigestNoAmounts = "digest-no-amounts";
    public const string DigestDeal = "digest-deal";
    public const string DigestThisWeek = "digest-this-week";
    public const string DigestRulesDefault = "digest-rules-default";
    public const string DigestRulesLearned = "digest-rules-learned";
    public const string DigestRule = "digest-rule";

    /// <summary>A deal's last activity as a manager reads it in an escalation ("call on Mon 2 Mar: …").</summary>
    public static string EscalationLast(InteractionKind kind) => "escalation-last-" + kind.ToString().ToLowerInvariant();

    private static IEnumerable<string> ProactiveKeys => Enum.GetValues<InteractionKind>().Select(EscalationLast);
}
