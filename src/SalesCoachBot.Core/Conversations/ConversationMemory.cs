using SalesCoachBot.Dialogs;

namespace SalesCoachBot.Conversations;

/// <summary>What the bot remembers of one rep in one conversation between turns (kept in bot state).</summary>
public sealed class ConversationMemory
{
    /// <summary>What "undo" can take back, newest first.</summary>
    public List<UndoableChange> Changes { get; set; } = [];

    public DialogStack Dialogs { get; set; } = new();

    /// <summary>The open question about what the rep's last message meant, if any.</summary>
    public Clarification? Clarification { get; set; }

    /// <summary>The messages behind the last reply's buttons, so "2" can stand for the second one.</summary>
    public List<string> LastButtons { get; set; } = [];
}
