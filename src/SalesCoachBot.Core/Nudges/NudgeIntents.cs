using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Intents;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Nudges;

/// <summary>Quieting nudges about a deal or altogether, and the tips for a deal's stage.</summary>
public static class NudgeIntents
{
    public static IServiceCollection AddNudgeIntents(this IServiceCollection services) => services
        .AddScoped<NudgeCommands>()
        .AddIntent(new IntentRegistration<SnoozeIntent>(IntentIds.Snooze)
        {
            Read = (_, text) => text.Deal is { } snoozed
                ? new SnoozeIntent(snoozed, SchedulingPhrases.DurationIn(Shorthand.Expand(text.Message)) ?? TimeSpan.FromDays(3))
                : new IncompleteIntent(IntentIds.Snooze, "Which deal should I keep quiet about? For example: \"snooze Acme 1 week\"."),
            Act = (sp, turn, intent, ct) => Commands(sp).SnoozeAsync(turn, intent, ct),
        })
        .AddIntent(new IntentRegistration<PauseNudgesIntent>(IntentIds.PauseNudges)
        {
            Read = (sp, text) => new PauseNudgesIntent(SchedulingPhrases.DurationIn(Shorthand.Expand(text.Message)) ?? UntilDate(sp.GetRequiredService<DateRecognizer>(), text)),
            Act = (sp, turn, intent, ct) => Commands(sp).PauseAsync(turn, intent.Duration, ct),
        })
        .AddIntent(new IntentRegistration<ResumeNudgesIntent>(IntentIds.ResumeNudges)
        {
            Read = (_, _) => new ResumeNudgesIntent(),
            Act = (sp, turn, _, ct) => Commands(sp).PauseAsync(turn, TimeSpan.Zero, ct),
        })
        .AddIntent(new IntentRegistration<StageTipsIntent>(IntentIds.StageTips)
        {
            Read = (_, text) => new StageTipsIntent(text.Deal ?? ""),
            Act = (sp, turn, intent, ct) => Commands(sp).StageTipsAsync(turn, intent.DealQuery, ct),
            TitleOf = (_, intent) => intent.DealQuery.Length > 0 ? $"Tips for {intent.DealQuery}'s stage" : null,
        });

    private static NudgeCommands Commands(IServiceProvider services) => services.GetRequiredService<NudgeCommands>();

    private static TimeSpan? UntilDate(DateRecognizer dates, IntentText text) =>
        dates.Find(Shorthand.Expand(text.Message), text.Context.LocalNow, DateLean.Future) is { } until && until.Local > text.Context.LocalNow
            ? until.Local.Date.AddDays(1) - text.Context.LocalNow
            : null;
}
