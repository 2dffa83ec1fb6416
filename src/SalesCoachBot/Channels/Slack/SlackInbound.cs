namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// One thing a rep said to the bot in Slack, whatever way it came (a DM, an @mention, /coach, a button):
/// who, where, the text, and how to answer.
/// </summary>
public sealed record SlackInbound(string DeliveryId, string TeamId, string UserId, string ChannelId, string Text)
{
    /// <summary>"personal" for a direct message, "channel" otherwise.</summary>
    public string ConversationType { get; init; } = "personal";

    /// <summary>Answer in this thread (an @mention is answered in a thread under it).</summary>
    public string? ThreadTs { get; init; }

    /// <summary>Answer through this URL (slash commands, buttons on messages only the rep can see).</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>The names of files shared with the message.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
