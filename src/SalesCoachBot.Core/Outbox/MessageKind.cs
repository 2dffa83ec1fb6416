namespace SalesCoachBot.Outbox;

/// <summary>What an unprompted message is; stored by its <see cref="MessageKinds.Name"/>.</summary>
public enum MessageKind
{
    Nudge,
    NudgeSummary,
    Reminder,
    CheckIn,
    Digest,

    /// <summary>An answer the channel did not take during the turn (an error, or a rate limit), sent as soon as it does.</summary>
    Reply,
}

public static class MessageKinds
{
    private static readonly Dictionary<MessageKind, string> Names = new()
    {
        [MessageKind.Nudge] = "nudge",
        [MessageKind.NudgeSummary] = "nudge-summary",
        [MessageKind.Reminder] = "reminder",
        [MessageKind.CheckIn] = "check-in",
        [MessageKind.Digest] = "digest",
        [MessageKind.Reply] = "reply",
    };

    private static readonly Dictionary<string, MessageKind> ByName = Names.ToDictionary(p => p.Value, p => p.Key);

    public static string Name(this MessageKind kind) => Names[kind];

    public static MessageKind Parse(string name) =>
        ByName.TryGetValue(name, out var kind) ? kind : throw new FormatException($"Unknown message kind '{name}'.");
}
