using System.Text.Json.Serialization;

namespace SalesCoachBot.Replies;

/// <summary>
/// What the bot says, free of any channel: rendered as an Adaptive Card in Teams and as plain text
/// in the terminal. A button sends its <see cref="ReplyButton.Message"/> back as if the rep typed it.
/// </summary>
public sealed record Reply(string Text)
{
    public string? Title { get; init; }
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    [JsonIgnore]
    public bool IsPlain => Title is null && Facts.Count == 0 && Notes.Count == 0 && Buttons.Count == 0;
}

public sealed record Fact(string Label, string Value);

public sealed record ReplyButton(string Title, string Message);
