using SalesCoachBot.Deals;
using SalesCoachBot.Goals;
using SalesCoachBot.Interactions;

namespace SalesCoachBot.Understanding;

/// <summary>What a rep asked for, read from one message.</summary>
public abstract record Intent;

public sealed record HelpIntent : Intent;

public sealed record CancelIntent : Intent;

public sealed record UndoIntent : Intent;

public sealed record ListDealsIntent : Intent;

public sealed record PipelineIntent : Intent;

/// <summary>"new deal Acme Corp $45,000 closing end of month"; <see cref="Name"/> is empty when the rep gave none.</summary>
public sealed record NewDealIntent(string Name, Money? Value) : Intent
{
    public string? Account { get; init; }
    public DateOnly? ExpectedClose { get; init; }
    public DealStage? Stage { get; init; }

    /// <summary>Where the name ends was a guess (words that say something were left out): the reading is shown before it is saved.</summary>
    public bool NameInDoubt { get; init; }
}

/// <summary>
/// "move Acme to discovery", "signed Acme"; the stage is kept as typed so a wrong one can be explained
/// ("next" and "previous" are counted from the deal's own, "" means none was named). A loss may come with its reason.
/// </summary>
public sealed record MoveDealIntent(string DealQuery, string StageText) : Intent
{
    public const string NextStage = "next";

    public const string PreviousStage = "previous";

    /// <summary>Won or Lost when the move closes the deal.</summary>
    public DealStage? Outcome => StageNames.TryParse(StageText, out var stage) && stage.IsClosed() ? stage : null;

    public CloseReason? Reason { get; init; }
}

/// <summary>Why a deal closed: the nearest fixed reason, and the rep's own words.</summary>
public sealed record CloseReason(string Label, string Words);

/// <summary>"show Acme", "what's next for Acme?"; no query asks which deal.</summary>
public sealed record ShowDealIntent(string? DealQuery) : Intent;

public sealed record StalledDealsIntent : Intent;

public sealed record OverdueIntent : Intent;

/// <summary>"change Acme amount to 50k", "push Acme close date to March 15", "rename Acme to Acme EMEA".</summary>
public sealed record EditDealIntent(string? DealQuery) : Intent
{
    public Money? Value { get; init; }
    public DateOnly? ExpectedClose { get; init; }
    public string? NewName { get; init; }
    public string? Account { get; init; }
}

public sealed record ReopenDealIntent(string? DealQuery) : Intent;

public sealed record DeleteDealIntent(string? DealQuery) : Intent;

public sealed record ThanksIntent : Intent;

/// <summary>"delete the last activity", "change the last call to an email", "edit last log: …".</summary>
public sealed record LastActivityIntent(bool Delete) : Intent
{
    public Interactions.InteractionKind? Kind { get; init; }
    public string? Summary { get; init; }
}

public sealed record ShowTimeZoneIntent : Intent;

/// <summary>An intent whose details could not be read: the bot asks for them with <see cref="Hint"/>.</summary>
public sealed record IncompleteIntent(string IntentId, string Hint) : Intent;

/// <summary>One reading of an unclear message, offered to the rep as a button.</summary>
public sealed record IntentChoice(string Label, string Title, Intent Intent);

/// <summary>A message with two or more likely readings: the bot asks which one, and learns from the answer.</summary>
public sealed record UnsureIntent(string Text, IReadOnlyList<IntentChoice> Choices) : Intent;

/// <summary>"called Acme yesterday, they want pricing by Friday".</summary>
public sealed record LogInteractionIntent(InteractionKind Kind, string? DealQuery, DateTime? When, string Summary) : Intent
{
    public string? NextStep { get; init; }
    public DateTime? NextStepDue { get; init; }
    public bool NextStepHasTime { get; init; }
}

/// <summary>"they say it's too expensive"; <see cref="CategoryId"/> is null when the objection is unclear.</summary>
public sealed record ObjectionIntent(string? CategoryId, string? DealQuery, string Text) : Intent;

public sealed record SetGoalIntent(GoalMetric Metric, decimal Target, GoalPeriod Period, string? Currency) : Intent;

public sealed record ShowGoalsIntent : Intent;

public sealed record SetTimeZoneIntent(string Zone) : Intent;

/// <summary>A message nothing fits; <see cref="Closest"/> are the nearest things the bot can do.</summary>
public sealed record UnknownIntent(string Text) : Intent
{
    public IReadOnlyList<IntentChoice> Closest { get; init; } = [];
}

/// <summary>"snooze Acme 3 days": no nudge about the deal until then.</summary>
public sealed record SnoozeIntent(string DealQuery, TimeSpan Duration) : Intent;

/// <summary>"pause nudges for 2 weeks"; no duration pauses until "resume nudges".</summary>
public sealed record PauseNudgesIntent(TimeSpan? Duration) : Intent;

public sealed record ResumeNudgesIntent : Intent;

/// <summary>"stage tips for Acme": what the deal's stage needs and the next best action.</summary>
public sealed record StageTipsIntent(string DealQuery) : Intent;

/// <summary>"post the stalled-deal digest here every Monday at 8".</summary>
public sealed record SubscribeDigestIntent(DayOfWeek Day, int Hour) : Intent;

public sealed record StopDigestIntent : Intent;

/// <summary>"add bob@example.com to my team" (or remove); "my team" lists it.</summary>
public sealed record TeamIntent(string? AddEmail, string? RemoveEmail) : Intent;

/// <summary>"make carol@example.com a manager"; "carol@example.com is no longer a manager".</summary>
public sealed record ManagerRoleIntent(string Email, bool Manager) : Intent;

/// <summary>"move bob@example.com to carol@example.com's team".</summary>
public sealed record MoveToTeamIntent(string RepEmail, string ManagerEmail) : Intent;

/// <summary>"my numbers", "team numbers this quarter", "my stats last month".</summary>
public sealed record NumbersIntent(bool Team, Goals.GoalPeriod Period, bool Previous) : Intent;
