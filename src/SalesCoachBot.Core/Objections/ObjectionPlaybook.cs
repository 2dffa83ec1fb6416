using FuzzySharp;

namespace SalesCoachBot.Objections;

/// <summary>The objection categories and how to answer each.</summary>
public sealed class ObjectionPlaybook(IReadOnlyList<ObjectionCategory> categories)
{
    public IReadOnlyList<ObjectionCategory> Categories { get; } = categories;

    public ObjectionCategory? Get(string id) => Categories.FirstOrDefault(c => c.Id == id);

    /// <summary>A category named by id or name, allowing a typo: "price", "competitor", "timing", "implementaion".</summary>
    public ObjectionCategory? ByName(string text)
    {
        var wanted = text.Trim().ToLowerInvariant();
        if (wanted.Length < 3)
            return null;
        return Categories.FirstOrDefault(c => c.Id == wanted || c.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
               ?? Categories.FirstOrDefault(c => c.Name.ToLowerInvariant().Split(' ', '/').Any(w => w.Length > 3 && w.StartsWith(wanted)))
               ?? Categories.Select(c => (Category: c, Score: Fuzz.Ratio(wanted, c.Id))).Where(s => s.Score >= 80).OrderByDescending(s => s.Score).Select(s => s.Category).FirstOrDefault();
    }
}
