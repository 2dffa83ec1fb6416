using SalesCoachBot.Replies;

namespace SalesCoachBot.Outbox;

/// <summary>A message due that no channel can deliver yet, with the reason in words.</summary>
public sealed record HeldMessage(MessageKind Kind, string RecipientName, string Why, Reply Reply);
