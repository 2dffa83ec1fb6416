using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Forecast;

/// <summary>"forecast": a manager sees their team's, a rep their own, an admin everyone's; "forecast for bob@…" one rep's.</summary>
public sealed class ForecastCommands(SalesCoachDbContext db, ForecastService forecasts, SalesTeamRules rules)
{
    public async Task<Reply> ShowAsync(RepTurn turn, ForecastIntent intent, CancellationToken cancellationToken)
    {
        var scope = intent.RepEmail is { } email ? await OfRepAsync(turn.Rep, EmailAddress.Normalize(email), cancellationToken) : await OwnAsync(turn.Rep, cancellationToken);
        if (scope is null)
            return new($"Only {intent.RepEmail}'s manager or an admin can see their forecast, and I only know reps who have written to me or were imported.");
        var (from, to) = ForecastPhrases.Range(intent.Period, turn.Clock.Today);
        var report = await forecasts.ComputeAsync(scope.Label, scope.Owners, scope.Team, turn.Clock.Today, from, to, cancellationToken);
        var card = ForecastText.Card(report);
        return card with { Buttons = intent.Period == ForecastPeriod.NextQuarter ? [] : [new("Next quarter", "forecast next quarter" + (intent.RepEmail is { } e ? $" for {e}" : ""))] };
    }

    private async Task<ForecastScope> OwnAsync(Rep rep, CancellationToken cancellationToken)
    {
        if (rules.IsAdmin(rep))
            return ForecastScope.Everyone;
        return await db.ManagerOfTeamAsync(rep, cancellationToken) == rep.Id
            ? await ForecastScope.TeamAsync(db, rep, cancellationToken)
            : await ForecastScope.RepAsync(db, rep, "Your forecast", cancellationToken);
    }

    // Null when the rep is unknown or not the asker's to see: the reply is the same, so it tells nobody who is a rep here.
    private async Task<ForecastScope?> OfRepAsync(Rep asker, string email, CancellationToken cancellationToken)
    {
        var rep = await db.Reps.AsNoTracking().FirstOrDefaultAsync(r => r.Email == email, cancellationToken);
        if (rep is null || !(rules.IsAdmin(asker) || rep.Id == asker.Id || rep.ManagerId == asker.Id))
            return null;
        return await ForecastScope.RepAsync(db, rep, $"Forecast for {rep.DisplayName}", cancellationToken);
    }
}
