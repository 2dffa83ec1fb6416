using System.Globalization;
using SalesCoachBot.Conversations;
using SalesCoachBot.Goals;
using SalesCoachBot.Metrics;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.TeamViews;

/// <summary>"how is bob doing?": a rep's four numbers this quarter beside the median of their team's reps.</summary>
public sealed class RepProgressCommands(SalesCoachDbContext db, SalesTeamRules rules, MetricsService metrics)
{
    public async Task<Reply> ShowAsync(RepTurn turn, RepProgressIntent intent, CancellationToken cancellationToken)
    {
        if (await TeamScope.OfAsync(db, rules, turn.Rep, cancellationToken) is not { } team)
            return new(TeamScope.NotAManager);
        if (intent.Who is null)
            return new("Whose numbers? Say \"how is bob@example.com doing?\" or use their name.");
        var who = intent.Who.Trim().ToLowerInvariant();
        var matches = team.Members.Where(r => r.Email == EmailAddress.Normalize(who) || r.DisplayName.Equals(who, StringComparison.OrdinalIgnoreCase)
                                               || r.Email?.Split('@')[0] == who || r.DisplayName.Split(' ')[0].Equals(who, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches is not [var rep])
            return new(matches.Count == 0
                ? $"I don't find {intent.Who} on {team.Label.ToLowerInvariant()}."
                : $"{matches.Count} reps on your team answer to {intent.Who}: {string.Join(", ", matches.Select(m => m.Email ?? m.DisplayName))}. Say which.");

        var (start, end) = GoalPeriods.Containing(GoalPeriod.Quarter, turn.Clock.Today);
        var (from, until) = (turn.Clock.ToInstant(start.ToDateTime(TimeOnly.MinValue)), turn.Clock.ToInstant(end.ToDateTime(TimeOnly.MinValue)));
        var reports = new Dictionary<long, MetricsReport>();
        foreach (var member in team.Members)
            reports[member.Id] = await metrics.ComputeAsync(member.DisplayName, [member.Id], from, until, turn.Clock.Zone, cancellationToken);
        var mine = reports[rep.Id];
        var currency = mine.Currencies.FirstOrDefault()?.Currency ?? reports.Values.SelectMany(r => r.Currencies).Select(c => c.Currency).FirstOrDefault();
        double? Median(Func<MetricsReport, double?> figure) => Statistics.Median([.. reports.Values.Select(figure).OfType<double>()]);
        double? InCurrency(MetricsReport r, Func<CurrencyFigures, decimal?> figure) =>
            r.Currencies.FirstOrDefault(c => c.Currency == currency) is { } c && figure(c) is { } v ? (double)v : null;

        Fact Line(string label, Func<MetricsReport, double?> figure, Func<double, string> show) =>
            new(label, $"{(figure(mine) is { } value ? show(value) : "n/a")} (team median {(Median(figure) is { } median ? show(median) : "n/a")})");
        return new($"{rep.DisplayName} this quarter, beside the median of the {team.Members.Count} reps on {team.Label.ToLowerInvariant()}.")
        {
            Title = $"How {rep.DisplayName} is doing",
            Facts =
            [
                Line("Win rate", r => r.WinRate, v => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%"),
                Line("Time to close", r => r.MeanDaysToClose, v => $"{v:0} days"),
                Line("Average deal size", r => InCurrency(r, c => c.AverageDealSize), v => Money(v, currency)),
                Line("Pipeline velocity", r => InCurrency(r, c => c.VelocityPerDay), v => Money(v, currency) + "/day"),
                new("Open deals", $"{mine.OpenDeals} ({mine.StalledDeals} stalled)"),
            ],
            Buttons = [new("Team pipeline", "team pipeline")],
        };
    }

    private static string Money(double value, string? currency) => currency is null ? value.ToString("0", CultureInfo.InvariantCulture) : new Deals.Money((decimal)Math.Round(value), currency).ToString();
}

/// <summary>"how is bob doing?": whose numbers, as said (an e-mail address or a name); null when none was said.</summary>
public sealed record RepProgressIntent(string? Who) : Intent;
