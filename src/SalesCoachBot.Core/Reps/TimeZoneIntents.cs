using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Reps;

/// <summary>The rep's time zone, which every date they say and every nudge they get is read in.</summary>
public static partial class TimeZoneIntents
{
    public static IServiceCollection AddTimeZoneIntents(this IServiceCollection services) => services
        .AddIntent(new IntentRegistration<SetTimeZoneIntent>(IntentIds.TimeZoneSet)
        {
            Read = (_, text) => ZoneIn(text.Message) is { } zone ? new SetTimeZoneIntent(zone)
                : new IncompleteIntent(IntentIds.TimeZoneSet, "Which time zone? For example: \"set my timezone to Europe/Berlin\", \"Jakarta\" or \"CET\"."),
            Act = SetAsync,
        })
        .AddIntent(new IntentRegistration<ShowTimeZoneIntent>(IntentIds.TimeZoneShow)
        {
            Read = (_, _) => new ShowTimeZoneIntent(),
            Act = IntentRegistration<ShowTimeZoneIntent>.Answer((turn, _) => Show(turn.Clock)),
            Risk = IntentRisk.LookUp,
        });

    // The example names a zone other than the rep's own, or it would suggest changing nothing.
    private static Reply Show(RepClock clock) => new(
        $"Your time zone is {clock.Zone.Id}; it's {clock.LocalNow:ddd HH:mm} there now. " +
        $"Change it with \"set my timezone to {(clock.Zone.Id == "Europe/Berlin" ? "America/New_York" : "Europe/Berlin")}\" (or a city).");

    private static async Task<Reply> SetAsync(IServiceProvider services, Conversations.RepTurn turn, SetTimeZoneIntent intent, CancellationToken cancellationToken) =>
        await services.GetRequiredService<RepDirectory>().SetTimeZoneAsync(turn.Rep, intent.Zone, cancellationToken) is { } set
            ? new Reply($"Time zone set to {set.Id}. It's {services.GetRequiredService<RepClockFactory>().For(turn.Rep).LocalNow:HH:mm} there now.")
            : new Reply($"I don't know the time zone \"{intent.Zone}\". Use a city (Berlin, New York, Jakarta), an abbreviation (CET, PST, WIB) or a name like Europe/Berlin.");

    private static string? ZoneIn(string message) =>
        ZoneName().Match(message) is { Success: true } zone ? zone.Groups["zone"].Value.TrimEnd('?', '.', '!') : null;

    [GeneratedRegex(@"(?<zone>\b[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|\b(?:UTC|GMT)[+-]\d{1,2}\b|\b[A-Z]{2,5}\b(?<!\bI\b)|\b[\p{L}]+(?:[ _][\p{L}]+)?\s*[?.!]*$)")]
    private static partial Regex ZoneName();
}
