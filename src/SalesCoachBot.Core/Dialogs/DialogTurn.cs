using System.Globalization;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Dialogs;

/// <summary>What a dialog step sees: the rep, their clock, and the values collected so far.</summary>
public sealed class DialogTurn(RepTurn turn, Dictionary<string, string?> values)
{
    public Rep Rep { get; } = turn.Rep;
    public RepClock Clock { get; } = turn.Clock;
    public ConversationMemory Memory { get; } = turn.Memory;
    public Languages.Language Language { get; } = turn.Language;
    public Dictionary<string, string?> Values { get; } = values;

    public string? Text(string key) => Values.GetValueOrDefault(key);

    public bool Has(string key) => !string.IsNullOrEmpty(Values.GetValueOrDefault(key));

    public long? Long(string key) => long.TryParse(Text(key), CultureInfo.InvariantCulture, out var value) ? value : null;

    public DateTime? LocalDateTime(string key) =>
        DateTime.TryParse(Text(key), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    public Money? Money(string key) => DialogValues.ReadMoney(Text(key));

    public void Set(string key, object? value) => Values[key] = DialogValues.Write(value);

    public void Remove(params string[] keys)
    {
        foreach (var key in keys)
            Values.Remove(key);
    }
}
