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

    /// <summary>
    /// The buttons, each title and each message once (the first of two alike stays): a rep shown two alike cannot
    /// tell which to press, and the numbers the terminal gives them would count one choice twice.
    /// </summary>
    public IReadOnlyList<ReplyButton> Buttons
    {
        get;
        init => field = Distinct(value);
    } = [];

    /// <summary>A chart to show beside the text, drawn by the channel that can show one (the manager's digest).</summary>
    public Forecast.ManagerChart? Chart { get; init; }

    [JsonIgnore]
    public bool IsPlain => Title is null && Facts.Count == 0 && Notes.Count == 0 && Buttons.Count == 0;

    private static List<ReplyButton> Distinct(IEnumerable<ReplyButton> buttons)
    {
        var (titles, messages, kept) = (new HashSet<string>(StringComparer.OrdinalIgnoreCase), new HashSet<string>(StringComparer.OrdinalIgnoreCase), new List<ReplyButton>());
        foreach (var button in buttons)
        {
            if (titles.Contains(button.Title) || messages.Contains(button.Message))
                continue;
            titles.Add(button.Title);
            messages.Add(button.Message);
            kept.Add(button);
        }
        return kept;
    }
}

public sealed record Fact(string Label, string Value);

public sealed record ReplyButton(string Title, string Message);
