using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Understanding.Learning;

/// <summary>Keeps what reps taught (in the database, so every host and restart knows it) and teaches the model.</summary>
public sealed class LearnedExamples(SalesCoachDbContext db, UnderstandingModel model, TimeProvider time)
{
    public async Task LearnAsync(Rep rep, string label, string text, CancellationToken cancellationToken)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 500 || await db.LearnedExamples.AnyAsync(e => e.Label == label && e.Text == trimmed, cancellationToken))
            return;
        db.LearnedExamples.Add(new LearnedExample { Label = label, Text = trimmed, RepId = rep.Id, LearnedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        model.Learn([(label, trimmed)]);
    }

    public async Task<IReadOnlyList<LearnedExample>> ListAsync(CancellationToken cancellationToken) =>
        await db.LearnedExamples.AsNoTracking().OrderBy(e => e.Label).ThenBy(e => e.Id).ToListAsync(cancellationToken);

    /// <summary>At start-up: what was taught before, on any host.</summary>
    public async Task LoadIntoModelAsync(CancellationToken cancellationToken)
    {
        var all = await ListAsync(cancellationToken);
        model.Learn(all.Select(e => (e.Label, e.Text)));
    }
}
