namespace SalesCoachBot.Outbox;

/// <summary>What an unprompted message is; stored by its <see cref="MessageKinds.Name"/>.</summary>
public enum MessageKind
{
    Nudge,
    NudgeSummary,
    Reminder,
    CheckIn,
    Digest,

    /// <summary>A long-stalled deal raised to the rep's manager, and the rep's notice of it.</summary>
    Escalation,

    /// <summary>A won deal posted to the team's win channel.</summary>
    WinWire,

    /// <summary>A check-in on a won deal some days after the sale.</summary>
    AfterSale,

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
        [MessageKind.Escalation] = "escalation",
        [MessageKind.WinWire] = "win-wire",
        [MessageKind.AfterSale] = "after-sale",
        [MessageKind.Reply] = "reply",
    };

    private static readonly Dictionary<string, MessageKind> ByName = Names.ToDictionary(p => p.Value, p => p.Key);

    public static string Name(this MessageKind kind) => Names[kind];

    public static MessageKind Parse(string name) =>
        ByName.TryGetValue(name, out var kind) ? kind : throw new FormatException($"Unknown message kind '{name}'.");
}
