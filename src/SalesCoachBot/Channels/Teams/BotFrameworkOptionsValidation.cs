using Microsoft.Extensions.Options;

namespace SalesCoachBot.Channels.Teams;

/// <summary>Refuses to start outside Development unless Teams requests can be authenticated.</summary>
internal sealed class BotFrameworkOptionsValidation(IHostEnvironment environment) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var appType = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType;
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppId))
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"MicrosoftAppId is not set, and in the {environment.EnvironmentName} environment every Teams request must be authenticated. " +
                    "Set MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (see README, 'Register the bot'), " +
                    "or run with ASPNETCORE_ENVIRONMENT=Development to use the Bot Framework Emulator without authentication.");

        var missing = new List<string>();
        if (!appType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            missing.Add("MicrosoftAppPassword");
        if (!appType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            missing.Add("MicrosoftAppTenantId");
        if (appType is not ("MultiTenant" or "SingleTenant" or "UserAssignedMSI"))
            return ValidateOptionsResult.Fail($"MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not '{appType}'.");
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"MicrosoftAppId is set, but {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} missing for MicrosoftAppType {appType}.");
    }
}
