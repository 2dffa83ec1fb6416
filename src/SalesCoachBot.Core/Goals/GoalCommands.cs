using System.Globalization;
using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Goals;

/// <summary>"goal: 20 calls a week" and "my goals": set a goal, see progress from logged data.</summary>
public sealed class GoalCommands(GoalService goals, SalesContent content)
{
    public async Task<Reply> SetAsync(RepTurn turn, SetGoalIntent intent, CancellationToken cancellationToken)
    {
        // Room for a year's rupiah ("target tahun ini 12 miliar"), not for a typo's string of zeros.
        if (intent.Target <= 0 || intent.Target > 1_000_000_000_000)
            return new("A goal needs a number above zero, e.g. \"goal: 20 calls a week\".");
        var (goal, replaced) = await goals.SetAsync(turn.Rep, intent.Metric, intent.Period, intent.Target, intent.Currency, cancellationToken);
        var line = Phrasing.Pick(content.Phrasing.GoalSet, (int)goal.Id);
        var progress = (await goals.ProgressAsync(turn.Rep, turn.Clock, cancellationToken)).Single(p => p.Goal.Id == goal.Id);
        return new(Phrasing.Fill(line, new Dictionary<string, string> { ["goal"] = Describe(goal) }))
        {
            Facts = [Fact(progress)],
            Notes = replaced is null ? [] : [$"It replaces your goal of {Describe(replaced)}."],
            Buttons = [new("My goals", "my goals")],
        };
    }

    public async Task<Reply> ShowAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var progress = await goals.ProgressAsync(turn.Rep, turn.Clock, cancellationToken);
        if (progress.Count == 0)
            return new(Phrasing.Pick(content.Phrasing.NoGoal, turn.Clock.Today.DayNumber))
            {
                Buttons = [.. content.Phrasing.GoalSuggestions.Select(s => new ReplyButton(s, $"my goal: {s}"))],
            };
        var worst = progress.MinBy(p => p.State)!;
        var line = Phrasing.Pick(content.Phrasing.GoalProgress[worst.State], (int)worst.Goal.Id + worst.PeriodStart.DayNumber);
        return new(Phrasing.Fill(line, Placeholders(worst)))
        {
            Title = "Your goals",
            Facts = [.. progress.Select(Fact)],
        };
    }

    public static string Describe(Goal goal)
    {
        var each = goal.Metric != GoalMetric.DealsWon && goal.Metric != GoalMetric.Revenue;
        var period = GoalPeriods.Describe(goal.Period, each);
        var count = goal.Target.ToString("0.##", CultureInfo.InvariantCulture);
        return goal.Metric switch
        {
            GoalMetric.DealsWon => $"close {count} deal{(goal.Target == 1 ? "" : "s")} {period}",
            GoalMetric.Revenue => $"{new Money(goal.Target, goal.Currency ?? "USD")} won {period}",
            var metric => $"{count} {metric.ToString().ToLowerInvariant()} {period}",
        };
    }

    /// <summary>A goal and where it stands: "20 calls a week: 2 of 20 · 4 days left · behind".</summary>
    public static Fact Fact(GoalProgress p) =>
        new(Describe(p.Goal), $"{Amount(p, p.Done)} of {Amount(p, p.Goal.Target)} · {p.DaysLeft} day{(p.DaysLeft == 1 ? "" : "s")} left · {Label(p.State)}");

    private static Dictionary<string, string> Placeholders(GoalProgress p) => new()
    {
        ["goal"] = Describe(p.Goal),
        ["done"] = Amount(p, p.Done),
        ["target"] = Amount(p, p.Goal.Target),
        ["left"] = Amount(p, p.Left),
        ["daysLeft"] = p.DaysLeft.ToString(CultureInfo.InvariantCulture),
    };

    private static string Amount(GoalProgress p, decimal value) =>
        p.Goal.Metric == GoalMetric.Revenue ? new Money(value, p.Goal.Currency ?? "USD").ToString() : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Label(GoalState state) => state switch
    {
        GoalState.Done => "reached",
        GoalState.Ahead => "ahead",
        GoalState.OnTrack => "on track",
        _ => "behind",
    };
}
