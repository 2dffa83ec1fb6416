using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Content;
using SalesCoachBot.Conversations;
using SalesCoachBot.Deals;
using SalesCoachBot.Persistence;
using SalesCoachBot.Reps;
using SalesCoachBot.Understanding;

namespace SalesCoachBot;

public static class SalesCoachCoreServices
{
    /// <summary>The channel-free core: the bot, its understanding, the sales domain and bot state in the database.</summary>
    /// <remarks>
    /// The caller registers <see cref="SalesCoachDbContext"/> (with a factory), <see cref="SalesContent"/>
    /// and the <see cref="AmountRecognizer"/> with its default currency.
    /// </remarks>
    public static IServiceCollection AddSalesCoachCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IStorage, DatabaseStorage>();
        services.AddSingleton<PrivateConversationState>();
        services.AddSingleton<UtteranceRecognizer>();
        services.AddSingleton<IBot, CoachBot>();
        services.AddScoped<RepDirectory>();
        services.AddScoped<DealService>();
        services.AddScoped<DealCommands>();
        services.AddScoped<Conversation>();
        return services;
    }
}
