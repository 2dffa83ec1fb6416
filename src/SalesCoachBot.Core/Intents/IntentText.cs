using System.Text.RegularExpressions;
using SalesCoachBot.Deals;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Intents;

/// <summary>A message to read an intent's details from, with what the reading so far knows of it.</summary>
public sealed record IntentText(string Message, RecognitionContext Context)
{
    /// <summary>The exact command shape the message matched, with its named parts; null when the model read it.</summary>
    public Match? Exact { get; init; }

    /// <summary>The message's sentence vector, when the model read it.</summary>
    public float[]? Vector { get; init; }

    /// <summary>What the rep picked beyond the intent: <c>price</c> for <c>objection:price</c>.</summary>
    public string? Detail { get; init; }

    /// <summary>The rep's open deal the message names, if any.</summary>
    public string? Deal => DealMatcher.FindIn(Message, Context.DealNames);

    public string Part(string name) => Exact?.Groups[name].Value ?? "";
}
