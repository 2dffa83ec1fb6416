using SalesCoachBot.Reps;

namespace SalesCoachBot.Conversations;

/// <summary>Who is speaking and what their "now" is, for one message.</summary>
public sealed record RepTurn(Rep Rep, RepClock Clock, ConversationMemory Memory)
{
    public ConversationPlace? Place { get; init; }

    /// <summary>What the rep said (or the button they pressed stood for).</summary>
    public string Text { get; init; } = "";

    /// <summary>The language to answer in: the one this message is written in, else the rep's.</summary>
    public Languages.Language Language { get; init; }
}
