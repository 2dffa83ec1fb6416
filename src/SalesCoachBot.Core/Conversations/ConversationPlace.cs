namespace SalesCoachBot.Conversations;

/// <summary>Where a message was said: the channel, the conversation, and its reference (JSON) for posting there later.</summary>
public sealed record ConversationPlace(string Channel, string ConversationId, bool IsPersonal, string Reference);
