namespace SalesCoachBot.Dialogs;

/// <summary>One running dialog: which one, where it is, what it has collected. Stored in bot state between turns.</summary>
public sealed class DialogFrame
{
    public required string DialogId { get; set; }
    public int Step { get; set; }
    public Dictionary<string, string?> Values { get; set; } = [];
    public Prompt? Prompt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset LastActiveAt { get; set; }
}
