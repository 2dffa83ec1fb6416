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
}

/// <summary>"move Acme to discovery"; the stage is kept as typed so a wrong one can be explained.</summary>
public sealed record MoveDealIntent(string DealQuery, string StageText) : Intent;

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

public sealed record UnknownIntent(string Text) : Intent;

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

/// <summary>"my numbers", "team numbers this quarter", "my stats last month".</summary>
public sealed record NumbersIntent(bool Team, Goals.GoalPeriod Period, bool Previous) : Intent;
