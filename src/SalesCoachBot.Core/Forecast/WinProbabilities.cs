using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Nudges;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Forecast;

/// <summary>
/// The chance per stage, from the team's own history the way stall thresholds are: of the team's closed deals
/// whose history shows the stage, the share that was won. Below the minimum sample of <see cref="StallLearning"/>
/// (or with learning off) the stage's <c>winProbability</c> from <c>dialogs/stages.yaml</c> applies.
/// </summary>
public sealed class WinProbabilities(SalesCoachDbContext db, SalesContent content, StallLearning learning)
{
    public async Task<IReadOnlyDictionary<DealStage, StageOdds>> ForTeamAsync(IReadOnlyCollection<long>? team, CancellationToken cancellationToken)
    {
        var reached = new Dictionary<DealStage, (int Won, int Closed)>();
        if (learning.Enabled)
        {
            var visits = (from c in db.StageChanges.AsNoTracking()
                          join d in db.Deals.AsNoTracking() on c.DealId equals d.Id
                          where (d.Stage == DealStage.Won || d.Stage == DealStage.Lost) && (team == null || team.Contains(d.OwnerId))
                          select new { c.DealId, c.To, Won = d.Stage == DealStage.Won }).Distinct();
            await foreach (var visit in visits.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (visit.To.IsClosed())
                    continue;
                var (won, closed) = reached.GetValueOrDefault(visit.To);
                reached[visit.To] = (won + (visit.Won ? 1 : 0), closed + 1);
            }
        }
        return StageNames.Open.ToDictionary(stage => stage, stage => reached.GetValueOrDefault(stage) is var (won, closed) && closed >= learning.MinimumDeals && learning.Enabled
            ? new StageOdds(stage, (double)won / closed, true, closed)
            : new StageOdds(stage, content.For(stage).WinProbability, false, closed));
    }
}
