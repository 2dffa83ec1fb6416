namespace SalesCoachBot.Conversations;

/// <summary>A question the bot asked about what a message meant: the message, and the readings offered.</summary>
public sealed class Clarification
{
    public string Text { get; set; } = "";

    public List<ClarificationChoice> Choices { get; set; } = [];
}

public sealed class ClarificationChoice
{
    public string Label { get; set; } = "";

    public string Title { get; set; } = "";
}
