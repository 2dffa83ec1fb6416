using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;

namespace SalesCoachBot.Hosting;

public static class ConversationSetup
{
    /// <summary>The bot itself, its understanding and its sales content, checked at start-up.</summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SalesCoachOptions.Section).Get<SalesCoachOptions>() ?? new();
        if (!IsCurrencyCode(options.DefaultCurrency))
            throw new OptionsValidationException(SalesCoachOptions.Section, typeof(SalesCoachOptions),
                [$"SalesCoach:DefaultCurrency must be a three-letter ISO 4217 code such as USD or EUR, not '{options.DefaultCurrency}'."]);

        var content = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new();
        builder.Services.AddSingleton(SalesContentLoader.Load(content.Resolve()));
        builder.Services.AddSalesCoachCore(options.DefaultCurrency.ToUpperInvariant());
        return builder;
    }

    private static bool IsCurrencyCode(string code) => Regex.IsMatch(code, "^[A-Za-z]{3}$");
}
