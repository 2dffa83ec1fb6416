namespace SalesCoachBot.Outbox;

/// <summary>What a channel said to a proactive message.</summary>
public abstract record SendResult
{
    public sealed record Delivered : SendResult;

    /// <summary>Rate-limited: try again after the wait the channel asked for.</summary>
    public sealed record RetryAfter(TimeSpan Wait) : SendResult;

    /// <summary>The channel will not deliver to this address (bot removed or blocked, account gone): stop trying.</summary>
    public sealed record Unreachable(string Reason) : SendResult;

    public sealed record Failed(string Error) : SendResult;
}
