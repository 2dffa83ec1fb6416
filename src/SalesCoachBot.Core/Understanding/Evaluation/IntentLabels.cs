namespace SalesCoachBot.Understanding.Evaluation;

/// <summary>The label a reading carries in a labelled set: an intent id, <c>objection:category</c>, or unsure/unknown.</summary>
public static class IntentLabels
{
    public const string Unsure = "unsure";
    public const string Unknown = "unknown";

    /// <summary>The intent part of a label: <c>objection:price</c> → <c>objection</c>.</summary>
    public static string IntentOf(string label) => label.Split(':', 2)[0];
}
