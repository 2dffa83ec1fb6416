namespace SalesCoachBot.Understanding.Learning;

/// <summary>A phrasing a rep taught the bot by picking what they meant; a sales lead may move it into the content.</summary>
public sealed class LearnedExample
{
    public long Id { get; set; }

    /// <summary>An intent id, or <c>objection:category</c>.</summary>
    public required string Label { get; set; }

    public required string Text { get; set; }

    public long RepId { get; set; }

    public DateTimeOffset LearnedAt { get; set; }
}
