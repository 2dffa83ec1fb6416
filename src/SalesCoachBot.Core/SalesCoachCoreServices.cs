using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Digests;
using SalesCoachBot.Goals;
using SalesCoachBot.Import;
using SalesCoachBot.Interactions;
using SalesCoachBot.Metrics;
using SalesCoachBot.Nudges;
using SalesCoachBot.Objections;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Pipeline;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;
using SalesCoachBot.Work;

namespace SalesCoachBot;

public static class SalesCoachCoreServices
{
    /// <summary>The channel-free core: the bot, its understanding, the sales domain and bot state in the database.</summary>
    /// <remarks>
    /// The caller registers <see cref="SalesCoachDbContext"/> (with a factory), <see cref="SalesContent"/>,
    /// the <see cref="AmountRecognizer"/> with its default currency, <see cref="RepClockFactory"/> with the
    /// default time zone, <see cref="DialogSettings"/>, <see cref="TeamRules"/> and <see cref="StallLearning"/>.
    /// </remarks>
    public static IServiceCollection AddSalesCoachCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationMemoryStore>();
        services.AddSingleton<ChatTurns>();
        services.AddSingleton<TurnsInFlight>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<DateRecognizer>();
        services.AddSingleton<InteractionParser>();
        services.AddSingleton<GoalParser>();
        services.AddSingleton<UtteranceRecognizer>();
        services.AddSingleton<Understanding.Evaluation.UnderstandingEvaluator>();
        services.TryAddSingleton<ISentenceEmbedder>(MiniLmEmbedder.Shared);
        services.TryAddSingleton(sp => new EmbeddingCache(sp.GetRequiredService<ISentenceEmbedder>(), EmbeddingCache.DefaultDirectory));
        services.AddSingleton<UnderstandingModel>();
        services.AddSingleton<StageFinder>();
        services.AddSingleton<SentenceSignals>();
        services.AddScoped<LearnedExamples>();
        services.AddSingleton<PromptAnswers>();
        services.AddSingleton(sp => sp.GetRequiredService<SalesContent>().Playbook);
        services.AddScoped<RepDirectory>();
        services.AddScoped<DealService>();
        services.AddScoped<StallChecks>();
        services.AddScoped<DealReplies>();
        services.AddScoped<DealCommands>();
        services.AddScoped<DealRecord>();
        services.AddScoped<DealViews>();
        services.AddScoped<LastActivityCommands>();
        services.AddScoped<InteractionService>();
        services.AddScoped<PipelineCommands>();
        services.AddScoped<ObjectionCommands>();
        services.AddScoped<GoalService>();
        services.AddScoped<GoalCommands>();
        services.AddScoped<Dialog, LogInteractionDialog>();
        services.AddScoped<Dialog, NewDealDialog>();
        services.AddScoped<Dialog, ConfirmSkipDialog>();
        services.AddScoped<Dialog, CloseReasonDialog>();
        services.AddScoped<DialogRunner>();
        services.AddScoped<NudgeCommands>();
        services.AddScoped<TeamCommands>();
        services.AddScoped<TeamRoster>();
        services.AddScoped<MetricsService>();
        services.AddScoped<StallThresholds>();
        services.AddScoped<DealImporter>();
        services.AddScoped<DigestPlanner>();
        services.AddScoped<MetricsCommands>();
        services.AddScoped<NudgePlanner>();
        services.AddScoped<StalledDeals>();
        services.AddScoped<CheckInPlanner>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<ProactiveRuns>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<Inbox>();
        services.TryAddSingleton(HostInstance.FromMachine());
        services.AddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<IScheduleChanges, NoScheduler>();
        services.AddScoped<Conversation>();
        services.AddScoped<Telemetry.TurnIntent>();
        return services;
    }

    // Without a scheduler (the terminal chat) schedules are only written; the server picks them up when it syncs.
    private sealed class NoScheduler : IScheduleChanges
    {
        public void Changed()
        {
        }
    }
}
