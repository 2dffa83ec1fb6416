namespace SalesCoachBot.Conversations;

/// <summary>
/// Where a message was said, as the channel tells it: the conversation, whether it is a 1:1 chat, the
/// channel's own address for it (opaque here, read back by that channel's sender) and the sender's id
/// in that channel.
/// </summary>
public sealed record ConversationPlace(string Channel, string ConversationId, bool IsPersonal, string Reference, string SenderId)
{
    /// <summary>What this rep's memory of this conversation is stored under.</summary>
    public string MemoryKey => $"{Channel}/conversations/{ConversationId}/users/{SenderId}";
}
