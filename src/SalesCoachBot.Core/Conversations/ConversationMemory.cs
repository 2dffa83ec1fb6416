using SalesCoachBot.Deals;

namespace SalesCoachBot.Conversations;

/// <summary>What the bot remembers of one rep in one conversation between turns (kept in bot state).</summary>
public sealed class ConversationMemory
{
    public StageMove? LastMove { get; set; }
}
