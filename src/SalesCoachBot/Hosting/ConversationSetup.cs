using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
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
            .ValidateOnStart();
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        builder.Services.AddSingleton(services => SalesContentLoader.Load(services.GetRequiredService<IOptions<ContentOptions>>().Value.Resolve()));
        builder.Services.AddSalesCoachCore();
        builder.Services.AddSingleton(services =>
            new AmountRecognizer(services.GetRequiredService<IOptions<SalesCoachOptions>>().Value.DefaultCurrency.ToUpperInvariant()));
        return builder;
    }
}
