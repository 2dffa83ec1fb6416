using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Evaluation;

namespace SalesCoachBot.Intents;

/// <summary>Every registered intent by label: what the recognizer reads with and the conversation acts through.</summary>
public sealed class IntentTable
{
    private readonly Dictionary<string, IntentRegistration> byLabel = new(StringComparer.Ordinal);

    public IntentTable(IEnumerable<IntentRegistration> registrations)
    {
        foreach (var registration in registrations)
            if (!byLabel.TryAdd(registration.Label, registration))
                throw new InvalidOperationException($"Intent '{registration.Label}' is registered twice.");
    }

    public IReadOnlyCollection<string> Labels => byLabel.Keys;

    public IntentRegistration? Find(string label) => byLabel.GetValueOrDefault(label);

    /// <summary>The registration whose intent this reading is; null for the reading policy's own (unsure, incomplete).</summary>
    public IntentRegistration? Of(Intent intent) => byLabel.Values.FirstOrDefault(r => r.Claims(intent));

    /// <summary>The label a reading carries in a labelled set: an intent id, <c>objection:category</c>, unsure or unknown.</summary>
    public string LabelOf(Intent intent) => intent switch
    {
        IncompleteIntent incomplete => incomplete.IntentId,
        UnsureIntent => IntentLabels.Unsure,
        UnknownIntent => IntentLabels.Unknown,
        _ when Of(intent) is { } registration => registration.Detail(intent) is { } detail ? $"{registration.Label}:{detail}" : registration.Label,
        _ => IntentLabels.Unknown,
    };
}
