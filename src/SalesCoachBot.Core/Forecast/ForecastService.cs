using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Forecast;

/// <summary>The one forecast computation behind chat, the command line, the digest and its chart.</summary>
public sealed class ForecastService(SalesCoachDbContext db, WinProbabilities probabilities)
{
    /// <summary>
    /// The open deals of <paramref name="owners"/> (everyone for null) closing from <paramref name="from"/> to <paramref name="to"/>
    /// (inclusive), with the chances learned from <paramref name="team"/>'s history. A close date before <paramref name="today"/>
    /// is no forecast: such deals and those without a date are <see cref="ForecastReport.Undated"/>.
    /// </summary>
    public async Task<ForecastReport> ComputeAsync(string label, IReadOnlyCollection<long>? owners, IReadOnlyCollection<long>? team,
        DateOnly today, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var odds = await probabilities.ForTeamAsync(team, cancellationToken);
        var months = new SortedDictionary<string, MonthTotals>(StringComparer.Ordinal);
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            months[Key(month)] = new MonthTotals();
        var undated = new BucketTotals();
        var outside = new BucketTotals();

        var deals = db.Deals.AsNoTracking().Where(Deal.IsOpen);
        if (owners is not null)
            deals = deals.Where(d => owners.Contains(d.OwnerId));
        await foreach (var deal in deals.Select(d => new { d.Stage, d.Amount, d.Currency, d.ExpectedCloseDate }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var value = deal.Amount is { } amount and >= 0 && deal.Currency is { } currency ? new Money(amount, currency) : (Money?)null;
            if (deal.ExpectedCloseDate is not { } close || close < today)
            {
                undated.Add(value, noDate: deal.ExpectedCloseDate is null);
                continue;
            }
            if (close < from || close > to)
            {
                outside.Add(value);
                continue;
            }
            months[Key(close)].Add(value, odds[deal.Stage].Chance, CommitStages.Contains(deal.Stage));
        }
        return new ForecastReport(label, from, to, [.. months.Select(m => m.Value.ToMonth(m.Key))], undated.ToBucket(), outside.ToBucket(),
            [.. odds.Values.OrderBy(o => o.Stage)]);
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed class MonthTotals
    {
        private readonly Dictionary<string, decimal> pipeline = [], weighted = [], commit = [];
        private readonly Dictionary<string, int> dealsIn = [];
        private int deals, commitDeals, withoutAmount;

        public void Add(Money? value, double chance, bool isCommit)
        {
            deals++;
            commitDeals += isCommit ? 1 : 0;
            if (value is not { } money)
            {
                withoutAmount++;
                return;
            }
            pipeline[money.Currency] = pipeline.GetValueOrDefault(money.Currency) + money.Amount;
            dealsIn[money.Currency] = dealsIn.GetValueOrDefault(money.Currency) + 1;
            weighted[money.Currency] = weighted.GetValueOrDefault(money.Currency) + money.Amount * (decimal)chance;
            commit[money.Currency] = commit.GetValueOrDefault(money.Currency) + (isCommit ? money.Amount : 0);
        }

        public ForecastMonth ToMonth(string month) => new(month, deals, Sorted(pipeline), Sorted(weighted), Sorted(commit), commitDeals, withoutAmount)
        {
            DealsIn = new SortedDictionary<string, int>(dealsIn, StringComparer.Ordinal),
        };
    }

    private sealed class BucketTotals
    {
        private readonly Dictionary<string, decimal> pipeline = [];
        private int deals, noDate, pastDate;

        // noDate: true without a close date, false with one in the past, null for neither (a date outside the range).
        public void Add(Money? value, bool? noDate = null)
        {
            deals++;
            this.noDate += noDate == true ? 1 : 0;
            pastDate += noDate == false ? 1 : 0;
            if (value is { } money)
                pipeline[money.Currency] = pipeline.GetValueOrDefault(money.Currency) + money.Amount;
        }

        public ForecastBucket ToBucket() => new(deals, Sorted(pipeline), noDate, pastDate);
    }

    private static SortedDictionary<string, decimal> Sorted(Dictionary<string, decimal> amounts) =>
        new(amounts.ToDictionary(a => a.Key, a => Math.Round(a.Value, 2)), StringComparer.Ordinal);
}
