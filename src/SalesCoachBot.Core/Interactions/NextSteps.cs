using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Interactions;

/// <summary>
/// The one rule for a deal's next step, in every view, reminder and export: the soonest dated step not yet
/// done. A step logged later replaces the deal's earlier ones unless the rep adds it to them ("also …").
/// </summary>
public static partial class NextSteps
{
    /// <summary>A step is done when something was logged on the deal after it fell due.</summary>
    public static bool IsDone(FollowUp step, DateTimeOffset lastActivityAt) =>
        DateOnly.FromDateTime(lastActivityAt.UtcDateTime) > step.DueOn;

    /// <summary>The deal's current next step among <paramref name="steps"/>, all of one deal: the soonest not yet done.</summary>
    public static FollowUp? Current(IEnumerable<FollowUp> steps, DateTimeOffset lastActivityAt) =>
        steps.Where(s => !IsDone(s, lastActivityAt)).OrderBy(s => s.DueOn).ThenByDescending(s => s.Id).FirstOrDefault();

    /// <summary>
    /// Each deal's current next step (all deals when <paramref name="dealIds"/> is null): the dated one by
    /// <see cref="Current"/>, else the step last logged without a date, as long as nothing later replaced it.
    /// </summary>
    public static async Task<Dictionary<long, CurrentStep>> OfDealsAsync(SalesCoachDbContext db, IReadOnlyCollection<long>? dealIds, CancellationToken cancellationToken)
    {
        var dated = (await db.FollowUps.AsNoTracking().Where(f => dealIds == null || dealIds.Contains(f.DealId)).ToListAsync(cancellationToken)).ToLookup(f => f.DealId);
        var logged = (await db.Interactions.AsNoTracking().Where(i => i.NextStep != null && (dealIds == null || dealIds.Contains(i.DealId)))
            .Select(i => new { i.Id, i.DealId, i.NextStep }).ToListAsync(cancellationToken)).ToLookup(i => i.DealId);
        var deals = await db.Deals.AsNoTracking().Where(d => dealIds == null || dealIds.Contains(d.Id))
            .Select(d => new { d.Id, d.LastActivityAt }).ToListAsync(cancellationToken);
        var current = new Dictionary<long, CurrentStep>();
        foreach (var deal in deals)
        {
            if (Current(dated[deal.Id], deal.LastActivityAt) is { } step)
                current[deal.Id] = new(step.Note, step.DueOn);
            else if (logged[deal.Id].MaxBy(i => i.Id) is { NextStep: { } note } last
                && !dated[deal.Id].Any(f => f.InteractionId == last.Id || string.Equals(f.Note, note, StringComparison.OrdinalIgnoreCase)))
                current[deal.Id] = new(note, null);
        }
        return current;
    }

    /// <summary>Whether a new step comes on top of the deal's others rather than in their place.</summary>
    public static bool Adds(string step) => AlsoWords().IsMatch(step);

    /// <summary>A step as it is kept and shown: without a "Next step:" of its own, since it is always shown under that label.</summary>
    public static string Clean(string text)
    {
        var (whole, step) = (text.Trim(), Label().Replace(text.Trim(), ""));
        return step.Length == 0 || step.Length == whole.Length ? whole : char.ToUpperInvariant(step[0]) + step[1..];
    }

    [GeneratedRegex(@"^next\s*steps?\s*(is|are|would be|will be)?\s*[:\-–—]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"\b(also|as well|in addition|additionally|besides)\b|\btoo[.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex AlsoWords();
}
