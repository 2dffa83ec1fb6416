using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Dialogs;
using SalesCoachBot.Reps;
using SalesCoachBot.SalesTeams;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Hosting;

public static class ConversationSetup
{
    /// <summary>The bot itself, its understanding and its sales content.</summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SalesCoachOptions>().BindConfiguration(SalesCoachOptions.Section)
            .Validate(o => o.DefaultCurrency is { Length: 3 } code && code.All(char.IsAsciiLetter),
                "SalesCoach:DefaultCurrency must be a three-letter ISO 4217 code such as USD or EUR.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _),
                "SalesCoach:DefaultTimeZone must be a time zone id such as UTC, Europe/Berlin or America/New_York.")
            .Validate(o => o.DialogIdleMinutes is >= 1 and <= 10_080,
                "SalesCoach:DialogIdleMinutes must be between 1 and 10080 (a week).")
            .Validate(o => o.Admins.All(EmailAddress.IsAddress),
                "SalesCoach:Admins must be e-mail addresses: [\"admin@example.com\"].")
            .ValidateOnStart();
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        builder.Services.AddSingleton(services => SalesContentLoader.Load(services.GetRequiredService<IOptions<ContentOptions>>().Value.Resolve(),
            services.GetRequiredService<Intents.IntentTable>().Labels));
        builder.Services.AddSalesCoachCore();
        builder.Services.AddSingleton(services => new AmountRecognizer(Options(services).DefaultCurrency.ToUpperInvariant()));
        builder.Services.AddSingleton(services => new RepClockFactory(
            services.GetRequiredService<TimeProvider>(), TimeZoneInfo.FindSystemTimeZoneById(Options(services).DefaultTimeZone)));
        builder.Services.AddStartUpLaneWork<RecognizerWarmUp>();
        builder.Services.AddSingleton(services => SalesTeamRules.From(Options(services).Admins, Options(services).ManagersEditTeams));
        builder.Services.AddSingleton(services => new DialogSettings(TimeSpan.FromMinutes(Options(services).DialogIdleMinutes)));
        builder.Services.AddOptions<StallLearningOptions>().BindConfiguration(StallLearningOptions.Section)
            .Validate(o => o.MinimumDeals >= 1 && o.FloorDays >= 1 && o.CeilingDays >= o.FloorDays,
                "StallLearning needs MinimumDeals of at least 1 and 1 ≤ FloorDays ≤ CeilingDays.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<StallLearningOptions>>().Value.ToSettings());
        return builder;
    }

    private static SalesCoachOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<SalesCoachOptions>>().Value;
}
