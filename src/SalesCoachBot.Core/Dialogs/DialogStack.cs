namespace SalesCoachBot.Dialogs;

/// <summary>The dialogs running in one rep's conversation, innermost last. Persisted with the conversation.</summary>
public sealed class DialogStack
{
    public List<DialogFrame> Frames { get; set; } = [];

    public DialogFrame? Active => Frames.Count > 0 ? Frames[^1] : null;

    /// <summary>The dialog the rep left for another command, kept for one message so it can be taken back up.</summary>
    public DialogFrame? SetAside { get; set; }
}
