using SalesCoachBot.Replies;

namespace SalesCoachBot.Outbox;

/// <summary>Delivers a reply unprompted to an address this channel stored, in one channel (Teams, Slack).</summary>
public interface IProactiveSender
{
    string Channel { get; }

    /// <summary>The least time between two messages to the same conversation, to stay within the channel's limits.</summary>
    TimeSpan MinInterval { get; }

    Task<SendResult> SendAsync(string address, Reply reply, CancellationToken cancellationToken);
}
