using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Digests;
using SalesCoachBot.Forecast;
using SalesCoachBot.Goals;
using SalesCoachBot.Import;
using SalesCoachBot.Intents;
using SalesCoachBot.Interactions;
using SalesCoachBot.Metrics;
using SalesCoachBot.Nudges;
using SalesCoachBot.Objections;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Pipeline;
using SalesCoachBot.Queues;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Understanding.Learning;
using SalesCoachBot.Understanding;
using SalesCoachBot.Wins;
using SalesCoachBot.TeamViews;

namespace SalesCoachBot;

public static class SalesCoachCoreServices
{
    /// <summary>The channel-free core: the bot, its understanding, the sales domain and bot state in the database.</summary>
    /// <remarks>
    /// The caller registers <see cref="SalesCoachDbContext"/> (with a factory), <see cref="SalesContent"/>,
    /// the <see cref="AmountRecognizer"/> with its default currency, <see cref="RepClockFactory"/> with the
    /// default time zone, <see cref="DialogSettings"/>, <see cref="SalesTeamRules"/> and <see cref="StallLearning"/>.
    /// </remarks>
    public static IServiceCollection AddSalesCoachCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationMemoryStore>();
        services.AddSingleton<ChatTurns>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<DatabaseOutages>();
        services.AddSingleton<TurnsInFlight>();
        services.TryAddSingleton<ISentenceEmbedder>(MiniLmEmbedder.Shared);
        services.TryAddSingleton(sp => new EmbeddingCache(sp.GetRequiredService<ISentenceEmbedder>(), EmbeddingCache.DefaultDirectory));
        services.AddSingleton<UnderstandingModel>();
        services.AddSingleton<SentenceSignals>();
        services.AddScoped<LearnedExamples>();
        services.AddSingleton<PromptAnswers>();
        services.AddSingleton(sp => sp.GetRequiredService<SalesContent>().Playbook);
        services.AddScoped<RepDirectory>();
        services.AddScoped<DealService>();
        services.AddScoped<StallChecks>();
        services.AddScoped<DealReplies>();
        services.AddScoped<DealRecord>();
        services.AddScoped<Dialog, LogInteractionDialog>();
        services.AddScoped<Dialog, NewDealDialog>();
        services.AddScoped<Dialog, ConfirmSkipDialog>();
        services.AddScoped<Dialog, CloseReasonDialog>();
        services.AddScoped<DialogRunner>();
        services.AddScoped<StallThresholds>();
        services.AddScoped<DealImporter>();
        services.AddScoped<DigestPlanner>();
        services.AddScoped<NudgePlanner>();
        services.AddScoped<StalledDeals>();
        services.AddScoped<CheckInPlanner>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<ProactiveRuns>();
        services.AddTeamRuns();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<Inbox>();
        services.TryAddSingleton(HostInstance.FromMachine());
        services.AddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<IScheduleChanges, NoScheduler>();
        services.AddScoped<Conversation>();
        services.AddUnderstanding();
        services.AddScoped<Telemetry.TurnIntent>();
        return services;
    }

    /// <summary>
    /// Reading a message: the recognizer, the evaluator and every intent with its reader. The caller registers
    /// <see cref="SalesContent"/>, the <see cref="UnderstandingModel"/> (or what it is made from) and the <see cref="AmountRecognizer"/>.
    /// </summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services) => services
        .AddSingleton<DateRecognizer>()
        .AddSingleton<StageFinder>()
        .AddSingleton<UtteranceRecognizer>()
        .AddSingleton<Understanding.Evaluation.UnderstandingEvaluator>()
        .AddSalesCoachIntents();

    /// <summary>Everything a rep can ask for, each feature's intents registered by the feature.</summary>
    public static IServiceCollection AddSalesCoachIntents(this IServiceCollection services) => services
        .AddSingleton<IntentTable>()
        .AddConversationIntents()
        .AddDealIntents()
        .AddInteractionIntents()
        .AddObjectionIntents()
        .AddGoalIntents()
        .AddPipelineIntents()
        .AddMetricsIntents()
        .AddNudgeIntents()
        .AddSalesTeamIntents()
        .AddTimeZoneIntents()
        .AddAccountIntents()
        .AddForecastIntents()
        .AddWinWireIntents()
        .AddTeamViews();

    /// <summary>The labels of the built-in intents, for checking content without composing the bot.</summary>
    public static IReadOnlyCollection<string> BuiltInIntentLabels() =>
        new ServiceCollection().AddSalesCoachIntents().BuildServiceProvider().GetRequiredService<IntentTable>().Labels;

    // Without a scheduler (the terminal chat) schedules are only written; the server picks them up when it syncs.
    private sealed class NoScheduler : IScheduleChanges
    {
        public void Changed()
        {
        }
    }
}
