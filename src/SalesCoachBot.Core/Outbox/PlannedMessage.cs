using SalesCoachBot.Replies;

namespace SalesCoachBot.Outbox;

/// <summary>A message a job decided to send: to whom, where, and what. Written to the outbox on commit.</summary>
public sealed record PlannedMessage(string Key, MessageKind Kind, long? RepId, string RecipientName, string Channel, string Address, Reply Reply);
